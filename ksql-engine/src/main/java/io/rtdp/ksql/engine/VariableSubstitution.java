package io.rtdp.ksql.engine;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Textual {@code ${name}} replacement before parsing (SPEC §1.1, DEFINE). */
final class VariableSubstitution {
  private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

  private VariableSubstitution() {}

  static String apply(String text, Map<String, String> variables) {
    if (variables.isEmpty() || !text.contains("${")) {
      return text;
    }
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
