package io.rtdp.ksql.cli.output;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.StringJoiner;

/** Column types as ksqlDB's CLI shows them in DESCRIBE and EXPLAIN, from the server's SchemaInfo objects. */
final class SqlTypes {
  private SqlTypes() {}

  static String of(JsonNode schema) {
    String type = schema.path("type").asText("?");
    return switch (type) {
      case "STRING" -> "VARCHAR(STRING)";
      case "DECIMAL" -> "DECIMAL(" + schema.path("parameters").path("precision").asText("?") + ", "
          + schema.path("parameters").path("scale").asText("?") + ")";
      case "ARRAY" -> "ARRAY<" + of(schema.path("memberSchema")) + ">";
      case "MAP" -> "MAP<STRING, " + of(schema.path("memberSchema")) + ">";
      case "STRUCT" -> {
        StringJoiner fields = new StringJoiner(", ", "STRUCT<", ">");
        schema.path("fields").forEach(f -> fields.add(f.path("name").asText() + " " + of(f.path("schema"))));
        yield fields.toString();
      }
      default -> type;
    };
  }

  /** A field's type with the marker of its role: {@code (key)} on streams, {@code (primary key)} on tables. */
  static String ofField(JsonNode field, boolean table) {
    String type = of(field.path("schema"));
    return switch (field.path("type").asText("")) {
      case "KEY" -> type + (table ? "  (primary key)" : "  (key)");
      case "HEADER" -> field.hasNonNull("headerKey")
          ? type + "  (header('" + field.get("headerKey").asText() + "'))"
          : type + "  (headers)";
      default -> type;
    };
  }
}
