package io.rtdp.ksql.engine.function.builtin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rtdp.ksql.engine.serde.JsonValues;
import io.rtdp.ksql.udf.Udf;
import io.rtdp.ksql.udf.UdfDescription;
import io.rtdp.ksql.udf.UdfParameter;

@UdfDescription(name = "TO_JSON_STRING", category = "JSON", description = "Any value serialized as JSON text.")
public class ToJsonString {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Udf
  public <T> String toJsonString(@UdfParameter("input") T input) {
    try {
      return MAPPER.writeValueAsString(JsonValues.toJson(input));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Cannot write " + input + " as JSON", e);
    }
  }
}
