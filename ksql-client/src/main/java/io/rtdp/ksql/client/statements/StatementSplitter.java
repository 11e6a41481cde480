package io.rtdp.ksql.client.statements;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts KSQL text into statements at the {@code ;} that end them. A {@code ;} inside a string literal,
 * a quoted identifier or a comment ends nothing (SPEC §1.1), so the text is scanned, not searched.
 * One splitter for every reader of KSQL text: the CLI (which must also know when typed input is
 * still unfinished) and the migrations tool (which must refuse a file whose last statement is).
 */
public final class StatementSplitter {
  private StatementSplitter() {}

  /** The complete statements (each ending with its {@code ;}, comments kept) and what follows the last one. */
  public record Split(List<String> statements, String remainder) {
    public Split {
      statements = List.copyOf(statements);
    }

    /** True when nothing but blanks and comments follows the last statement. */
    public boolean complete() {
      return isBlank(remainder);
    }
  }

  /** Splits input that may still be unfinished (typed lines, a script being read). */
  public static Split split(String text) {
    List<String> statements = new ArrayList<>();
    int start = 0;
    int i = 0;
    while (i < text.length()) {
      if (text.charAt(i) == ';') {
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

  /**
   * The statements of a text that must be whole (a file): throws {@link IncompleteStatementException}
   * naming an unclosed quote, or a last statement without its {@code ;}.
   */
  public static List<String> splitWhole(String text) {
    Split split = split(text);
    if (!split.complete()) {
      String rest = split.remainder();
      int quote = unclosedQuote(rest);
      if (quote >= 0) {
        throw new IncompleteStatementException("Unclosed " + rest.charAt(quote) + " starting at: "
            + rest.substring(quote, Math.min(rest.length(), quote + 40)) + " … Close it, or double it ("
            + rest.charAt(quote) + rest.charAt(quote) + ") to mean the character itself.");
      }
      throw new IncompleteStatementException("The text ends with a statement that has no ';': "
          + stripLeadingComments(rest).strip() + " … End it with ';'.");
    }
    return split.statements();
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
      } else if (isCommentStart(text, i)) {
        i = skipQuotedOrComment(text, i);
      } else {
        break;
      }
    }
    return text.substring(i);
  }

  /**
   * The statement with its comments taken out (a line comment leaves its line break, a block
   * comment a space, so that the words around them stay apart), for tools that send or record
   * statements without the remarks of the file they came from.
   */
  public static String withoutComments(String statement) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < statement.length()) {
      int next = skipQuotedOrComment(statement, i);
      if (statement.startsWith("--", i)) {
        out.append('\n');
      } else if (statement.startsWith("/*", i)) {
        out.append(' ');
      } else {
        out.append(statement, i, next);
      }
      i = next;
    }
    return out.toString().strip();
  }

  /** Where the quote that the text leaves open starts, or -1 when every quote is closed. */
  private static int unclosedQuote(String text) {
    int i = 0;
    while (i < text.length()) {
      if (isQuote(text.charAt(i)) && closingQuote(text, i) < 0) {
        return i;
      }
      i = skipQuotedOrComment(text, i);
    }
    return -1;
  }

  /**
   * The index after the literal, quoted identifier or comment starting at {@code i}, or {@code i + 1}
   * for any other character. Unterminated ones run to the end of the text.
   */
  private static int skipQuotedOrComment(String text, int i) {
    char c = text.charAt(i);
    if (isQuote(c)) {
      int end = closingQuote(text, i);
      return end < 0 ? text.length() : end;
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

  /** The index after the quote that closes the one at {@code start}, or -1 when none does. */
  private static int closingQuote(String text, int start) {
    char quote = text.charAt(start);
    int j = start + 1;
    while (j < text.length()) {
      if (text.charAt(j) == quote) {
        // The quote character doubled is the character itself ('it''s'), so a pair just continues the literal.
        if (j + 1 < text.length() && text.charAt(j + 1) == quote) {
          j += 2;
          continue;
        }
        return j + 1;
      }
      j++;
    }
    return -1;
  }

  private static boolean isQuote(char c) {
    return c == '\'' || c == '`' || c == '"';
  }

  private static boolean isCommentStart(String text, int i) {
    return text.startsWith("--", i) || text.startsWith("/*", i);
  }
}
