package io.rtdp.ksql.engine.parser;

import java.util.regex.Pattern;

/** Identifier normalisation and printing rules of SPEC §1.1. */
public final class Names {
  private static final Pattern PLAIN = Pattern.compile("[A-Z_][A-Z0-9_@]*");

  private Names() {}

  /** Unquoted identifiers are upper-cased; quoted ones keep their case, doubled quotes unescaped. */
  public static String normalize(String token) {
    if (token.startsWith("`") && token.endsWith("`") && token.length() >= 2) {
      return token.substring(1, token.length() - 1).replace("``", "`");
    }
    if (token.startsWith("\"") && token.endsWith("\"") && token.length() >= 2) {
      return token.substring(1, token.length() - 1).replace("\"\"", "\"");
    }
    return token.toUpperCase(java.util.Locale.ROOT);
  }

  /** Back-quotes a name when reading it back unquoted would not give the same name. */
  public static String format(String name) {
    return PLAIN.matcher(name).matches() ? name : "`" + name.replace("`", "``") + "`";
  }
}
