package io.rtdp.ksql.engine.function.builtin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rtdp.ksql.udf.Udf;
import io.rtdp.ksql.udf.UdfDescription;
import io.rtdp.ksql.udf.UdfParameter;
import java.io.IOException;

@UdfDescription(name = "JSON_ARRAY_LENGTH", category = "JSON", description = "The length of a JSON array, NULL for anything else.")
public class JsonArrayLength {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Udf
  public Integer jsonArrayLength(@UdfParameter("json") String json) {
    if (json == null) {
      return null;
    }
    try {
      JsonNode node = MAPPER.readTree(json);
      return node != null && node.isArray() ? node.size() : null;
    } catch (IOException e) {
      return null;
    }
  }
}
