package io.rtdp.ksql.cli.output;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Query results as ksqlDB's CLI streams them: the column widths are fixed when the header arrives
 * (rows are printed the moment they come, so later values cannot widen a column); a value longer
 * than its column wraps onto further lines, or is cut with {@code ...} when wrapping is off.
 */
public final class RowTable {
  static final String TOMBSTONE = "<TOMBSTONE>";
  private static final int MIN_WIDTH = 5;

  private final PrintWriter out;
  private final int[] widths;
  private final boolean wrap;
  private final String border;

  public RowTable(PrintWriter out, List<String> columns, OutputSettings settings, int terminalWidth) {
    this.out = out;
    this.wrap = settings.wrap();
    int width = settings.columnWidth() > 0
        ? settings.columnWidth()
        : Math.max(MIN_WIDTH, terminalWidth / Math.max(1, columns.size()) - 2);
    this.widths = new int[columns.size()];
    Arrays.fill(widths, width);
    StringBuilder b = new StringBuilder("+");
    for (int w : widths) {
      b.append("-".repeat(w)).append('+');
    }
    this.border = b.toString();
    out.println(border);
    print(columns);
    out.println(border);
  }

  /** One row; in a tombstone the columns that are not part of the key arrive as null and show {@code <TOMBSTONE>}. */
  public void row(List<JsonNode> values, boolean tombstone) {
    List<String> cells = new ArrayList<>();
    for (int i = 0; i < widths.length; i++) {
      JsonNode v = i < values.size() ? values.get(i) : null;
      cells.add(tombstone && (v == null || v.isNull()) ? TOMBSTONE : text(v));
    }
    print(cells);
  }

  /** The closing border, once the query has ended. */
  public void close() {
    out.println(border);
  }

  /** A value as it reads best: strings without quotes, numbers and booleans as written, structures as JSON. */
  public static String text(JsonNode value) {
    if (value == null || value.isNull()) {
      return "null";
    }
    return value.isValueNode() ? value.asText() : value.toString();
  }

  private void print(List<String> cells) {
    List<List<String>> pieces = new ArrayList<>();
    int lines = 1;
    for (int i = 0; i < widths.length; i++) {
      List<String> cell = fit(cells.get(i).replaceAll("\\R", " "), widths[i]);
      pieces.add(cell);
      lines = Math.max(lines, cell.size());
    }
    for (int line = 0; line < lines; line++) {
      StringBuilder b = new StringBuilder("|");
      for (int i = 0; i < widths.length; i++) {
        String piece = line < pieces.get(i).size() ? pieces.get(i).get(line) : "";
        b.append(piece).append(" ".repeat(widths[i] - piece.length())).append('|');
      }
      out.println(b);
    }
    out.flush();
  }

  private List<String> fit(String value, int width) {
    List<String> pieces = new ArrayList<>();
    if (value.length() <= width) {
      pieces.add(value);
    } else if (!wrap) {
      pieces.add(width > 3 ? value.substring(0, width - 3) + "..." : value.substring(0, width));
    } else {
      for (int i = 0; i < value.length(); i += width) {
        pieces.add(value.substring(i, Math.min(value.length(), i + width)));
      }
    }
    return pieces;
  }
}
