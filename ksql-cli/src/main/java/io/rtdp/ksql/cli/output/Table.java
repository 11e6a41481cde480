package io.rtdp.ksql.cli.output;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A table as ksqlDB's CLI prints entity lists: a header row, a dashed rule, the rows, a closing rule;
 * cells padded to the widest value of their column and separated by {@code |}.
 */
public final class Table {
  private final List<String> headers;
  private final List<List<String>> rows = new ArrayList<>();

  public Table(String... headers) {
    this.headers = Arrays.asList(headers);
  }

  /** Adds a row; values are shown with {@code String.valueOf}, line breaks as spaces. */
  public Table row(Object... cells) {
    List<String> row = new ArrayList<>();
    for (Object cell : cells) {
      row.add(String.valueOf(cell).replaceAll("\\s*\\R\\s*", " "));
    }
    rows.add(row);
    return this;
  }

  public boolean isEmpty() {
    return rows.isEmpty();
  }

  public void print(PrintWriter out) {
    int[] widths = new int[headers.size()];
    for (int i = 0; i < widths.length; i++) {
      widths[i] = headers.get(i).length();
      for (List<String> row : rows) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    String header = line(headers, widths);
    String rule = "-".repeat(header.length());
    out.println(header);
    out.println(rule);
    for (List<String> row : rows) {
      out.println(line(row, widths));
    }
    out.println(rule);
  }

  private static String line(List<String> cells, int[] widths) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < widths.length; i++) {
      if (i > 0) {
        line.append('|');
      }
      line.append(' ').append(cells.get(i)).append(" ".repeat(widths[i] - cells.get(i).length())).append(' ');
    }
    return line.toString();
  }
}
