package io.rtdp.ksql.cli.input;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A command the CLI runs itself, typed on one line with or without a closing {@code ;}
 * (SPEC §7): {@code help}, {@code exit}, {@code set cli output json}, {@code run script 'f'}, ….
 */
public record LocalCommand(String name, String argument) {
  private static final Pattern COMMAND = Pattern.compile(
      "(?i)\\s*(help|exit|quit|clear|history|version|server|output|set\\s+cli|run\\s+script)(?:\\s+(.*?))?\\s*;?\\s*");

  /** The command on this line, if it is one; {@code name} is lower case with single spaces. */
  public static Optional<LocalCommand> parse(String line) {
    Matcher m = COMMAND.matcher(line);
    if (!m.matches()) {
      return Optional.empty();
    }
    String name = m.group(1).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    String argument = m.group(2) == null ? "" : m.group(2).strip();
    return Optional.of(new LocalCommand(name, argument));
  }
}
