package io.rtdp.ksql.engine.function.builtin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rtdp.ksql.udf.Udf;
import io.rtdp.ksql.udf.UdfDescription;
import io.rtdp.ksql.udf.UdfParameter;
import java.util.ArrayList;
import java.util.List;

@UdfDescription(name = "JSON_CONCAT", category = "JSON",
    description = "Merges JSON objects (later keys win); otherwise concatenates arrays, other values becoming elements.")
public class JsonConcat {
  @Udf
  public String jsonConcat(@UdfParameter("inputs") String... inputs) {
    List<JsonNode> nodes = new ArrayList<>();
    for (String input : inputs) {
      JsonNode node = JsonText.parse(input);
      if (node == null) {
        return null;
      }
      nodes.add(node);
    }
    if (nodes.stream().allMatch(JsonNode::isObject)) {
      ObjectNode merged = JsonText.MAPPER.createObjectNode();
      nodes.forEach(n -> merged.setAll((ObjectNode) n));
      return merged.toString();
    }
    ArrayNode concatenated = JsonText.MAPPER.createArrayNode();
    for (JsonNode n : nodes) {
      if (n.isArray()) {
        concatenated.addAll((ArrayNode) n);
      } else {
        concatenated.add(n);
      }
    }
    return concatenated.toString();
  }
}
