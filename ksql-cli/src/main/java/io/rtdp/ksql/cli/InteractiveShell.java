package io.rtdp.ksql.cli;

import io.rtdp.ksql.cli.input.KsqlCompleter;
import io.rtdp.ksql.cli.input.StatementParser;
import io.rtdp.ksql.cli.output.Console;
import io.rtdp.ksql.cli.output.OutputSettings;
import io.rtdp.ksql.cli.session.Outcome;
import io.rtdp.ksql.cli.session.Session;
import io.rtdp.ksql.cli.session.SourceNames;
import io.rtdp.ksql.cli.session.StatementExecutor;
import io.rtdp.ksql.cli.session.UserTerminal;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jline.reader.EndOfFileException;
import org.jline.reader.History;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.InfoCmp;

/**
 * The CLI on a terminal: JLine's line editing, history kept in {@code ~/.ksql-history}, completion,
 * the {@code ksql>} prompt. Ctrl-C clears the line at the prompt and stops a running query; it is
 * ignored otherwise, so it never ends the CLI (Ctrl-D or {@code exit} do).
 */
final class InteractiveShell implements UserTerminal {
  static final String PROMPT = "ksql> ";

  private final Terminal terminal;
  private LineReader reader;

  InteractiveShell() throws IOException {
    this.terminal = TerminalBuilder.builder()
        .system(true)
        .name("ksql")
        .nativeSignals(true)
        .signalHandler(Terminal.SignalHandler.SIG_IGN)
        .build();
  }

  int run(Session session, OutputSettings settings) throws IOException {
    try (terminal) {
      PrintWriter writer = terminal.writer();
      Console console = new Console(writer, writer, terminal::getWidth, settings);
      SourceNames names = new SourceNames(session);
      StatementExecutor executor = new StatementExecutor(session, console, this, names::invalidate);
      reader = LineReaderBuilder.builder()
          .terminal(terminal)
          .appName("ksql")
          .parser(new StatementParser())
          .completer(new KsqlCompleter(names::get))
          .variable(LineReader.HISTORY_FILE, Path.of(System.getProperty("user.home"), ".ksql-history"))
          .variable(LineReader.SECONDARY_PROMPT_PATTERN, "> ")
          // '!' is an operator (!=) in KSQL, not a history reference.
          .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
          .option(LineReader.Option.CASE_INSENSITIVE, true)
          .build();
      Banner.print(writer, session.client());
      while (true) {
        String entry;
        try {
          entry = reader.readLine(PROMPT);
        } catch (UserInterruptException e) {
          continue;
        } catch (EndOfFileException e) {
          writer.println("Exiting ksqlDB.");
          writer.flush();
          return 0;
        }
        if (executor.runEntry(entry) == Outcome.EXIT) {
          writer.println("Exiting ksqlDB.");
          writer.flush();
          return 0;
        }
      }
    }
  }

  @Override
  public Handle onInterrupt(Runnable action) {
    Terminal.SignalHandler previous = terminal.handle(Terminal.Signal.INT, signal -> action.run());
    return () -> terminal.handle(Terminal.Signal.INT, previous);
  }

  @Override
  public void clearScreen() {
    terminal.puts(InfoCmp.Capability.clear_screen);
    terminal.flush();
  }

  @Override
  public List<String> history() {
    List<String> entries = new ArrayList<>();
    if (reader != null) {
      for (History.Entry e : reader.getHistory()) {
        entries.add(e.line());
      }
    }
    return entries;
  }

  @Override
  public boolean interactive() {
    return true;
  }
}
