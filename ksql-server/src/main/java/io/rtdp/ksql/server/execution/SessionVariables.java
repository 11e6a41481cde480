package io.rtdp.ksql.server.execution;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ${name}} references in a request's statements (SPEC §1.12): the request's
 * {@code sessionVariables}, then the DEFINEs and UNDEFINEs of the request in order. Substitution is
 * textual and done before the statements are parsed, so that commands are stored substituted.
 */
public final class SessionVariables {
  private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");
  private static final Pattern DEFINITION = Pattern.compile(
      "\\b(UNDEFINE|DEFINE)\\s+([A-Za-z_][A-Za-z0-9_]*)\\s*(?:=\\s*'((?:[^']|'')*)'\\s*)?;",
      Pattern.CASE_INSENSITIVE);

  private SessionVariables() {
  }

  /** The text with every reference replaced by the value defined where it occurs; unknown names stay. */
  public static String substitute(String text, Map<String, String> initial) {
    if (!text.contains("${")) {
      return text;
    }
    Map<String, String> variables = new HashMap<>(initial);
    StringBuilder out = new StringBuilder();
    Matcher m = DEFINITION.matcher(text);
    int from = 0;
    while (m.find()) {
      out.append(replace(text.substring(from, m.start()), variables)).append(m.group());
      if (m.group(1).equalsIgnoreCase("DEFINE") && m.group(3) != null) {
        variables.put(m.group(2), m.group(3).replace("''", "'"));
      } else if (m.group(1).equalsIgnoreCase("UNDEFINE")) {
        variables.remove(m.group(2));
      }
      from = m.end();
    }
    return out.append(replace(text.substring(from), variables)).toString();
  }

  private static String replace(String text, Map<String, String> variables) {
    Matcher m = REFERENCE.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = variables.get(m.group(1));
      m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value));
    }
    m.appendTail(out);
    return out.toString();
  }
}
