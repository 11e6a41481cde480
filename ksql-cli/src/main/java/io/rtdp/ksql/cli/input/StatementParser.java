package io.rtdp.ksql.cli.input;

import io.rtdp.ksql.client.statements.StatementSplitter;
import org.jline.reader.EOFError;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;
import org.jline.reader.impl.DefaultParser;

/**
 * Tells JLine when the typed text is ready to run: a local command, or statements up to a
 * {@code ;} outside quotes and comments. Otherwise Enter adds a line to the same entry (shown with
 * the continuation prompt), so a multi-line statement is also one history entry.
 */
public final class StatementParser implements Parser {
  private final DefaultParser words = new DefaultParser();

  public StatementParser() {
    // Statements are sent as typed: a backslash or quote must not be taken as shell-style escaping.
    words.setEscapeChars(new char[0]);
  }

  @Override
  public ParsedLine parse(String line, int cursor, ParseContext context) {
    if (context == ParseContext.ACCEPT_LINE) {
      if (!readyToRun(line)) {
        throw new EOFError(-1, -1, "statement not yet ended with ';'", ";");
      }
      return words.parse(line, cursor, ParseContext.SPLIT_LINE);
    }
    return words.parse(line, cursor, context);
  }

  /** True when the text holds nothing but whole statements, or is a local command. */
  public static boolean readyToRun(String text) {
    return StatementSplitter.isBlank(text)
        || LocalCommand.parse(text).isPresent()
        || StatementSplitter.split(text).complete();
  }
}
