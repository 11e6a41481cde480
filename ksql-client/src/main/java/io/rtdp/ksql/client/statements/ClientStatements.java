package io.rtdp.ksql.client.statements;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The statements a client keeps to itself instead of sending (SPEC §1.12, §7): SET/UNSET of a
 * property, DEFINE/UNDEFINE of a variable, SHOW VARIABLES. Their values are string literals, where
 * a doubled quote stands for one. Each method takes one statement, ending with its {@code ;}, with
 * no comment before it.
 */
public final class ClientStatements {
  private static final String LITERAL = "'((?:[^']|'')*)'";
  private static final Pattern SET = Pattern.compile("(?is)SET\\s+" + LITERAL + "\\s*=\\s*" + LITERAL + "\\s*;");
  private static final Pattern UNSET = Pattern.compile("(?is)UNSET\\s+" + LITERAL + "\\s*;");
  private static final Pattern DEFINE = Pattern.compile(
      "(?is)DEFINE\\s+([A-Za-z_][A-Za-z0-9_]*)\\s*=\\s*" + LITERAL + "\\s*;");
  private static final Pattern UNDEFINE = Pattern.compile("(?is)UNDEFINE\\s+([A-Za-z_][A-Za-z0-9_]*)\\s*;");
  private static final Pattern SHOW_VARIABLES = Pattern.compile("(?is)(SHOW|LIST)\\s+VARIABLES\\s*;");

  private ClientStatements() {}

  /** A property or variable name and the value given to it. */
  public record Assignment(String name, String value) {}

  public static Optional<Assignment> set(String statement) {
    Matcher m = SET.matcher(statement);
    return m.matches() ? Optional.of(new Assignment(unquote(m.group(1)), unquote(m.group(2)))) : Optional.empty();
  }

  public static Optional<String> unset(String statement) {
    Matcher m = UNSET.matcher(statement);
    return m.matches() ? Optional.of(unquote(m.group(1))) : Optional.empty();
  }

  public static Optional<Assignment> define(String statement) {
    Matcher m = DEFINE.matcher(statement);
    return m.matches() ? Optional.of(new Assignment(m.group(1), unquote(m.group(2)))) : Optional.empty();
  }

  public static Optional<String> undefine(String statement) {
    Matcher m = UNDEFINE.matcher(statement);
    return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
  }

  public static boolean showVariables(String statement) {
    return SHOW_VARIABLES.matcher(statement).matches();
  }

  private static String unquote(String literal) {
    return literal.replace("''", "'");
  }
}
