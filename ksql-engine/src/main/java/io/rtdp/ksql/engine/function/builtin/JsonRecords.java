package io.rtdp.ksql.engine.function.builtin;

import com.fasterxml.jackson.databind.JsonNode;
import io.rtdp.ksql.udf.Udf;
import io.rtdp.ksql.udf.UdfDescription;
import io.rtdp.ksql.udf.UdfParameter;
import java.util.LinkedHashMap;
import java.util.Map;

@UdfDescription(name = "JSON_RECORDS", category = "JSON",
    description = "The entries of a JSON object, values as JSON text (strings unquoted), NULL for anything else.")
public class JsonRecords {
  @Udf
  public Map<String, String> jsonRecords(@UdfParameter("json") String json) {
    JsonNode node = JsonText.parse(json);
    if (node == null || !node.isObject()) {
      return null;
    }
    Map<String, String> out = new LinkedHashMap<>();
    node.fields().forEachRemaining(e -> out.put(e.getKey(),
        e.getValue().isTextual() ? e.getValue().asText() : e.getValue().toString()));
    return out;
  }
}
