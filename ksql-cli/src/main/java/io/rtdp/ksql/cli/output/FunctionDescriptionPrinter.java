package io.rtdp.ksql.cli.output;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.StringJoiner;

/** DESCRIBE FUNCTION: the function's overview, then each overload with its arguments and return type. */
final class FunctionDescriptionPrinter {
  private final PrintWriter out;

  FunctionDescriptionPrinter(PrintWriter out) {
    this.out = out;
  }

  void print(JsonNode f) {
    out.println();
    label("Name", f.path("name").asText());
    label("Author", f.path("author").asText());
    label("Version", f.path("version").asText());
    label("Overview", f.path("description").asText());
    label("Type", f.path("type").asText());
    label("Jar", f.path("path").asText());
    label("Variations", "");
    for (JsonNode variant : f.path("functions")) {
      StringJoiner signature = new StringJoiner(", ", f.path("name").asText() + "(", ")");
      variant.path("arguments").forEach(a -> signature.add(a.path("name").asText() + " "
          + a.path("type").asText() + (a.path("isVariadic").asBoolean() ? "..." : "")));
      out.println();
      out.printf("\t%-12s: %s%n", "Variation", signature);
      out.printf("\t%-12s: %s%n", "Returns", variant.path("returnType").asText());
      out.printf("\t%-12s: %s%n", "Description", variant.path("description").asText());
      for (JsonNode a : variant.path("arguments")) {
        if (!a.path("description").asText("").isEmpty()) {
          out.printf("\t%-12s: %s%n", a.path("name").asText(), a.path("description").asText());
        }
      }
    }
  }

  private void label(String name, String value) {
    out.printf("%-12s: %s%n", name, value);
  }
}
