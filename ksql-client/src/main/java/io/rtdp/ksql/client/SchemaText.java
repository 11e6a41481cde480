package io.rtdp.ksql.client;

import java.util.ArrayList;
import java.util.List;

/** Reads the column list of a query header, e.g. {@code `ID` BIGINT KEY, `ADDR` STRUCT<`CITY` STRING>}. */
final class SchemaText {
  private SchemaText() {}

  /** The column definitions, split at the commas that are not inside a type or a quoted name. */
  static List<String> columns(String schema) {
    List<String> columns = new ArrayList<>();
    int depth = 0;
    boolean quoted = false;
    int start = 0;
    for (int i = 0; i < schema.length(); i++) {
      char c = schema.charAt(i);
      if (c == '`') {
        quoted = !quoted;
      } else if (!quoted && (c == '<' || c == '(')) {
        depth++;
      } else if (!quoted && (c == '>' || c == ')')) {
        depth--;
      } else if (!quoted && depth == 0 && c == ',') {
        columns.add(schema.substring(start, i).strip());
        start = i + 1;
      }
    }
    if (!schema.substring(start).isBlank()) {
      columns.add(schema.substring(start).strip());
    }
    return columns;
  }

  /** Where the column name ends: after its closing back-tick, or at the first space when unquoted. */
  static int nameEnd(String column) {
    if (column.startsWith("`")) {
      int i = 1;
      while (i < column.length()) {
        if (column.charAt(i) == '`') {
          // A doubled back-tick is one back-tick of the name.
          if (i + 1 < column.length() && column.charAt(i + 1) == '`') {
            i += 2;
            continue;
          }
          return i + 1;
        }
        i++;
      }
      return column.length();
    }
    int space = column.indexOf(' ');
    return space < 0 ? column.length() : space;
  }

  static String unquote(String name) {
    return name.startsWith("`") && name.endsWith("`") && name.length() >= 2
        ? name.substring(1, name.length() - 1).replace("``", "`")
        : name;
  }
}
