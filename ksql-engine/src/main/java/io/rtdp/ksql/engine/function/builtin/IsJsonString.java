package io.rtdp.ksql.engine.function.builtin;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.rtdp.ksql.udf.Udf;
import io.rtdp.ksql.udf.UdfDescription;
import io.rtdp.ksql.udf.UdfParameter;
import java.io.IOException;

@UdfDescription(name = "IS_JSON_STRING", category = "JSON", description = "Whether a string parses as JSON.")
public class IsJsonString {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Udf
  public Boolean isJsonString(@UdfParameter("json") String json) {
    if (json == null) {
      return false;
    }
    try {
      MAPPER.readTree(json);
      return !json.isBlank();
    } catch (IOException e) {
      return false;
    }
  }
}
