package io.rtdp.ksql.server.streaming;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code PRINT topic [FROM BEGINNING] [INTERVAL|SAMPLE n] [LIMIT n];} (SPEC §1.12). The engine's
 * grammar has no PRINT: it only ever reaches /query and /query-stream, so it is parsed here.
 */
public record PrintStatement(String topic, boolean quoted, boolean fromBeginning, int interval, Integer limit) {
  private static final Pattern PRINT = Pattern.compile(
      "\\s*PRINT\\s+('(?:[^']|'')+'|`(?:[^`]|``)+`|[^\\s;'`]+)"
          + "(\\s+FROM\\s+BEGINNING)?(?:\\s+(?:INTERVAL|SAMPLE)\\s+(\\d+))?(?:\\s+LIMIT\\s+(\\d+))?\\s*;?\\s*",
      Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

  /** Empty when the text is not a PRINT statement; a malformed PRINT throws with the reason. */
  public static Optional<PrintStatement> parse(String text) {
    if (!text.stripLeading().toUpperCase(Locale.ROOT).startsWith("PRINT")
        || text.stripLeading().length() > 5 && !Character.isWhitespace(text.stripLeading().charAt(5))) {
      return Optional.empty();
    }
    Matcher m = PRINT.matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException("line 1:1: Syntax Error\nExpected PRINT <topic> [FROM BEGINNING]"
          + " [INTERVAL <n>] [LIMIT <n>];");
    }
    String raw = m.group(1);
    boolean quoted = raw.startsWith("'") || raw.startsWith("`");
    String topic = raw.startsWith("'") ? raw.substring(1, raw.length() - 1).replace("''", "'")
        : raw.startsWith("`") ? raw.substring(1, raw.length() - 1).replace("``", "`") : raw;
    int interval = m.group(3) == null ? 1 : Integer.parseInt(m.group(3));
    if (interval < 1) {
      throw new IllegalArgumentException("INTERVAL must be a positive number, got " + interval);
    }
    return Optional.of(new PrintStatement(topic, quoted, m.group(2) != null, interval,
        m.group(4) == null ? null : Integer.valueOf(m.group(4))));
  }
}
