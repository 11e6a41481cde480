package io.rtdp.ksql.cli.session;

import com.fasterxml.jackson.databind.JsonNode;
import io.rtdp.ksql.cli.KsqlCliVersion;
import io.rtdp.ksql.cli.input.LocalCommand;
import io.rtdp.ksql.cli.output.Console;
import io.rtdp.ksql.cli.output.ErrorPrinter;
import io.rtdp.ksql.cli.output.OutputFormat;
import io.rtdp.ksql.client.KsqlClient;
import java.io.PrintWriter;
import java.net.URI;
import java.util.List;
import java.util.Locale;

/** The CLI's own commands (SPEC §7): help, exit, clear, history, version, server, output, set cli. */
final class LocalCommands {
  private final Session session;
  private final Console console;
  private final UserTerminal terminal;
  private final ErrorPrinter errors;

  LocalCommands(Session session, Console console, UserTerminal terminal, ErrorPrinter errors) {
    this.session = session;
    this.console = console;
    this.terminal = terminal;
    this.errors = errors;
  }

  Outcome run(LocalCommand command) {
    PrintWriter out = console.out();
    String argument = command.argument();
    switch (command.name()) {
      case "help" -> Help.print(out);
      case "exit", "quit" -> {
        return Outcome.EXIT;
      }
      case "clear" -> terminal.clearScreen();
      case "history" -> {
        List<String> history = terminal.history();
        for (int i = 0; i < history.size(); i++) {
          out.printf("%5d  %s%n", i + 1, history.get(i));
        }
      }
      case "version" -> out.println("Version: " + KsqlCliVersion.get());
      case "server" -> {
        return server(argument);
      }
      case "output" -> {
        return output(argument);
      }
      case "set cli" -> {
        return setCli(argument);
      }
      default -> throw new IllegalArgumentException("not a local command: " + command.name());
    }
    return Outcome.OK;
  }

  private Outcome server(String argument) {
    if (argument.isEmpty()) {
      console.out().println(session.client().server());
      return Outcome.OK;
    }
    URI uri;
    try {
      uri = URI.create(argument);
      if (uri.getScheme() == null || uri.getHost() == null) {
        throw new IllegalArgumentException("it has no scheme or host");
      }
    } catch (IllegalArgumentException e) {
      errors.problem("'" + argument + "' is not a server URL (e.g. http://localhost:8088): " + e.getMessage());
      return Outcome.FAILED;
    }
    KsqlClient client = new KsqlClient(uri);
    JsonNode info = client.info().path("KsqlServerInfo");
    session.client(client);
    console.notice("Server now: " + uri + " (version " + info.path("version").asText("unknown") + ", status "
        + info.path("serverStatus").asText("unknown") + ")");
    return Outcome.OK;
  }

  private Outcome output(String argument) {
    if (argument.isEmpty()) {
      console.out().println("Output format: " + console.settings().format());
      return Outcome.OK;
    }
    return setFormat(argument);
  }

  private Outcome setFormat(String name) {
    try {
      console.settings().format(OutputFormat.parse(name));
      console.notice("Output format set to " + console.settings().format());
      return Outcome.OK;
    } catch (IllegalArgumentException e) {
      errors.problem(e.getMessage());
      return Outcome.FAILED;
    }
  }

  private Outcome setCli(String argument) {
    String[] parts = argument.split("\\s+", 2);
    String name = parts[0].toUpperCase(Locale.ROOT);
    String value = parts.length > 1 ? parts[1].strip().replaceAll("^'(.*)'$", "$1") : "";
    if (value.isEmpty()) {
      errors.problem("SET CLI needs a setting and a value: SET CLI OUTPUT JSON|TABULAR, SET CLI WRAP ON|OFF,"
          + " SET CLI COLUMN-WIDTH <n>");
      return Outcome.FAILED;
    }
    switch (name) {
      case "OUTPUT" -> {
        return setFormat(value);
      }
      case "WRAP" -> {
        if (!value.equalsIgnoreCase("ON") && !value.equalsIgnoreCase("OFF")) {
          errors.problem("SET CLI WRAP takes ON or OFF, not '" + value + "'");
          return Outcome.FAILED;
        }
        console.settings().wrap(value.equalsIgnoreCase("ON"));
        console.notice("Wrapping of long values " + (console.settings().wrap() ? "on" : "off"));
      }
      case "COLUMN-WIDTH" -> {
        int width;
        try {
          width = Integer.parseInt(value);
        } catch (NumberFormatException e) {
          width = -1;
        }
        if (width < 0) {
          errors.problem("SET CLI COLUMN-WIDTH takes a number of characters (0: share the terminal's width), not '"
              + value + "'");
          return Outcome.FAILED;
        }
        console.settings().columnWidth(width);
        console.notice("Column width set to " + (width == 0 ? "the terminal's width shared" : width));
      }
      default -> {
        errors.problem("Unknown CLI setting '" + parts[0] + "': use OUTPUT, WRAP or COLUMN-WIDTH");
        return Outcome.FAILED;
      }
    }
    return Outcome.OK;
  }
}
