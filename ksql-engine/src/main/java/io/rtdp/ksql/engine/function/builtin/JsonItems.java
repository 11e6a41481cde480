package io.rtdp.ksql.engine.function.builtin;

import com.fasterxml.jackson.databind.JsonNode;
import io.rtdp.ksql.udf.Udf;
import io.rtdp.ksql.udf.UdfDescription;
import io.rtdp.ksql.udf.UdfParameter;
import java.util.ArrayList;
import java.util.List;

@UdfDescription(name = "JSON_ITEMS", category = "JSON", description = "The elements of a JSON array as JSON text, NULL for anything else.")
public class JsonItems {
  @Udf
  public List<String> jsonItems(@UdfParameter("json") String json) {
    JsonNode node = JsonText.parse(json);
    if (node == null || !node.isArray()) {
      return null;
    }
    List<String> out = new ArrayList<>();
    node.forEach(item -> out.add(item.toString()));
    return out;
  }
}
