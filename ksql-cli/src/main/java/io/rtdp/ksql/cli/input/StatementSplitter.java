package io.rtdp.ksql.cli.input;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts input into statements at the {@code ;} that end them. A {@code ;} inside a string literal,
 * a quoted identifier or a comment ends nothing (SPEC §1.1), so the text is scanned, not searched.
 */
public final class StatementSplitter {
  private StatementSplitter() {}

  /** The complete statements (each ending with its {@code ;}) and what follows the last one. */
  public record Split(List<String> statements, String remainder) {
    /** True when nothing but blanks and comments follows the last statement. */
    public boolean complete() {
      return isBlank(remainder);
    }
  }

  public static Split split(String text) {
    List<String> statements = new ArrayList<>();
    int start = 0;
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == ';') {
        String statement = text.substring(start, i + 1).strip();
        // A lone ';' (or one after a comment only) is no statement.
        if (!isBlank(statement.substring(0, statement.length() - 1))) {
          statements.add(statement);
        }
        start = i + 1;
        i++;
      } else {
        i = skipQuotedOrComment(text, i);
      }
    }
    return new Split(statements, text.substring(start));
  }

  /** True for text of whitespace and comments only. */
  public static boolean isBlank(String text) {
    return stripLeadingComments(text).isEmpty();
  }

  /** The text without the whitespace and comments before its first token. */
  public static String stripLeadingComments(String text) {
    int i = 0;
    while (i < text.length()) {
      if (Character.isWhitespace(text.charAt(i))) {
        i++;
      } else if (text.startsWith("--", i) || text.startsWith("/*", i)) {
        i = skipQuotedOrComment(text, i);
      } else {
        break;
      }
    }
    return text.substring(i);
  }

  /**
   * The index after the literal, quoted identifier or comment starting at {@code i}, or {@code i + 1}
   * for any other character. Unterminated ones run to the end of the text.
   */
  private static int skipQuotedOrComment(String text, int i) {
    char c = text.charAt(i);
    if (c == '\'' || c == '`' || c == '"') {
      // The quote character doubled is the character itself ('it''s'), so a pair just continues the literal.
      int j = i + 1;
      while (j < text.length()) {
        if (text.charAt(j) == c) {
          if (j + 1 < text.length() && text.charAt(j + 1) == c) {
            j += 2;
            continue;
          }
          return j + 1;
        }
        j++;
      }
      return text.length();
    }
    if (text.startsWith("--", i)) {
      int end = text.indexOf('\n', i);
      return end < 0 ? text.length() : end + 1;
    }
    if (text.startsWith("/*", i)) {
      int end = text.indexOf("*/", i + 2);
      return end < 0 ? text.length() : end + 2;
    }
    return i + 1;
  }
}
