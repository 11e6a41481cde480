package io.rtdp.ksql.migrations;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a KSQL file into statements at the semicolons that are outside quotes, back-quoted
 * identifiers and comments, so that each can be sent (and reported on) by itself.
 */
final class StatementSplitter {
  private StatementSplitter() {}

  static List<String> split(String text) {
    List<String> statements = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '\'' || c == '`' || c == '"') {
        int end = closing(text, i, c);
        current.append(text, i, end);
        i = end;
      } else if (text.startsWith("--", i)) {
        int end = text.indexOf('\n', i);
        i = end < 0 ? text.length() : end + 1;
        current.append('\n');
      } else if (text.startsWith("/*", i)) {
        int end = text.indexOf("*/", i + 2);
        i = end < 0 ? text.length() : end + 2;
        current.append(' ');
      } else if (c == ';') {
        add(statements, current.append(';'));
        current.setLength(0);
        i++;
      } else {
        current.append(c);
        i++;
      }
    }
    if (!current.toString().isBlank()) {
      throw new MigrationException("The file ends with a statement that has no ';': " + current.toString().strip());
    }
    return statements;
  }

  /** The index after the quote that closes the one at {@code start}; a doubled quote is an escaped one. */
  private static int closing(String text, int start, char quote) {
    int i = start + 1;
    while (i < text.length()) {
      if (text.charAt(i) == quote) {
        if (i + 1 < text.length() && text.charAt(i + 1) == quote) {
          i += 2;
          continue;
        }
        return i + 1;
      }
      i++;
    }
    throw new MigrationException("Unclosed " + quote + " starting at: " + text.substring(start,
        Math.min(text.length(), start + 40)));
  }

  private static void add(List<String> statements, CharSequence statement) {
    String s = statement.toString().strip();
    if (!s.equals(";")) {
      statements.add(s);
    }
  }
}
