package io.rtdp.ksql.engine.function.builtin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rtdp.ksql.udf.Udf;
import io.rtdp.ksql.udf.UdfDescription;
import io.rtdp.ksql.udf.UdfParameter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

@UdfDescription(name = "EXTRACTJSONFIELD", category = "JSON",
    description = "The value at a JSONPath such as $.a.b[0]; strings unquoted, NULL when missing.")
public class ExtractJsonField {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Udf
  public String extract(@UdfParameter("input") String json, @UdfParameter("path") String path) {
    if (json == null || path == null) {
      return null;
    }
    JsonNode node;
    try {
      node = MAPPER.readTree(json);
    } catch (IOException e) {
      return null;
    }
    for (String step : steps(path)) {
      if (node == null) {
        return null;
      }
      node = step.startsWith("#") ? node.get(Integer.parseInt(step.substring(1))) : node.get(step);
    }
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    return node.isTextual() ? node.textValue() : node.toString();
  }

  /** Path steps; array indexes are marked with a leading '#'. */
  private static List<String> steps(String path) {
    List<String> steps = new ArrayList<>();
    String p = path.trim();
    if (p.startsWith("$")) {
      p = p.substring(1);
    }
    int i = 0;
    while (i < p.length()) {
      char c = p.charAt(i);
      if (c == '.') {
        int end = i + 1;
        while (end < p.length() && p.charAt(end) != '.' && p.charAt(end) != '[') {
          end++;
        }
        steps.add(p.substring(i + 1, end));
        i = end;
      } else if (c == '[') {
        int end = p.indexOf(']', i);
        String inside = p.substring(i + 1, end).trim();
        if (inside.startsWith("'") || inside.startsWith("\"")) {
          steps.add(inside.substring(1, inside.length() - 1));
        } else {
          steps.add("#" + inside);
        }
        i = end + 1;
      } else {
        throw new IllegalArgumentException("Invalid JSON path: " + path);
      }
    }
    return steps;
  }
}
