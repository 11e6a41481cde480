package io.rtdp.ksql.engine.function.builtin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rtdp.ksql.udf.Udf;
import io.rtdp.ksql.udf.UdfDescription;
import io.rtdp.ksql.udf.UdfParameter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

@UdfDescription(name = "JSON_KEYS", category = "JSON", description = "The keys of a JSON object, NULL for anything else.")
public class JsonKeys {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Udf
  public List<String> jsonKeys(@UdfParameter("json") String json) {
    if (json == null) {
      return null;
    }
    try {
      JsonNode node = MAPPER.readTree(json);
      if (node == null || !node.isObject()) {
        return null;
      }
      List<String> out = new ArrayList<>();
      node.fieldNames().forEachRemaining(out::add);
      return out;
    } catch (IOException e) {
      return null;
    }
  }
}
