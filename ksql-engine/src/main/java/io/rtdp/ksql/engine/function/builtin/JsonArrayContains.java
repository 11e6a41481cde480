package io.rtdp.ksql.engine.function.builtin;

import com.fasterxml.jackson.databind.JsonNode;
import io.rtdp.ksql.udf.Udf;
import io.rtdp.ksql.udf.UdfDescription;
import io.rtdp.ksql.udf.UdfParameter;

@UdfDescription(name = "JSON_ARRAY_CONTAINS", category = "JSON",
    description = "Whether a JSON array holds a primitive value; FALSE for malformed JSON or a non-array.")
public class JsonArrayContains {
  @Udf
  public <T> Boolean jsonArrayContains(@UdfParameter("jsonArray") String jsonArray, @UdfParameter("val") T val) {
    if (jsonArray == null || val == null) {
      return null;
    }
    JsonNode node = JsonText.parse(jsonArray);
    if (node == null || !node.isArray()) {
      return false;
    }
    for (JsonNode item : node) {
      if (matches(item, val)) {
        return true;
      }
    }
    return false;
  }

  private static boolean matches(JsonNode item, Object val) {
    if (val instanceof String s) {
      return item.isTextual() && item.asText().equals(s);
    }
    if (val instanceof Boolean b) {
      return item.isBoolean() && item.booleanValue() == b;
    }
    if (val instanceof Integer || val instanceof Long) {
      return item.isIntegralNumber() && item.canConvertToLong() && item.longValue() == ((Number) val).longValue();
    }
    if (val instanceof Double d) {
      return item.isFloatingPointNumber() && item.doubleValue() == d;
    }
    return false;
  }
}
