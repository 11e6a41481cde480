package io.rtdp.ksql.cli.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rtdp.ksql.cli.input.LocalCommand;
import io.rtdp.ksql.cli.output.Console;
import io.rtdp.ksql.cli.output.EntityPrinter;
import io.rtdp.ksql.cli.output.ErrorPrinter;
import io.rtdp.ksql.cli.output.OutputFormat;
import io.rtdp.ksql.cli.output.Table;
import io.rtdp.ksql.client.KsqlClient;
import io.rtdp.ksql.client.KsqlServerException;
import io.rtdp.ksql.client.KsqlUnavailableException;
import io.rtdp.ksql.client.statements.ClientStatements;
import io.rtdp.ksql.client.statements.StatementSplitter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Runs what the user typed: local commands, the statements the CLI keeps (SET, DEFINE, …), queries
 * and PRINT on the streaming endpoints, everything else on {@code /ksql}. A server that cannot be
 * reached is reported, and simply tried again with the next statement.
 */
public final class StatementExecutor {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Session session;
  private final Console console;
  private final ErrorPrinter errors;
  private final LocalCommands local;
  private final QueryRunner queries;
  private final Runnable sourcesChanged;

  /** {@code sourcesChanged} is told after each statement the server ran, which may have created or dropped sources. */
  public StatementExecutor(Session session, Console console, UserTerminal terminal, Runnable sourcesChanged) {
    this.session = session;
    this.console = console;
    this.errors = new ErrorPrinter(console);
    this.local = new LocalCommands(session, console, terminal, errors);
    this.queries = new QueryRunner(session, console, errors, terminal);
    this.sourcesChanged = sourcesChanged;
  }

  /**
   * Runs a whole entry: a local command, or statements that each end with {@code ;}. Stops at the
   * first failure; text after the last {@code ;} is ignored here (the caller keeps it for later).
   */
  public Outcome runEntry(String text) {
    Optional<LocalCommand> command = LocalCommand.parse(text);
    if (command.isPresent()) {
      return guarded(() -> local(command.get()), text);
    }
    for (String statement : StatementSplitter.split(text).statements()) {
      Outcome outcome = run(statement);
      if (outcome != Outcome.OK) {
        return outcome;
      }
    }
    return Outcome.OK;
  }

  /** Runs one statement ending with {@code ;}. */
  public Outcome run(String statement) {
    return guarded(() -> dispatch(statement), statement);
  }

  private interface Step {
    Outcome run() throws InterruptedException;
  }

  private Outcome guarded(Step step, String statement) {
    try {
      return step.run();
    } catch (KsqlServerException e) {
      errors.serverError(e.getMessage(), e.body(), statement);
      return Outcome.FAILED;
    } catch (KsqlUnavailableException e) {
      errors.problem(e.getMessage() + "\nThe statement was not run. The next statement tries to reach the server again.");
      return Outcome.FAILED;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Outcome.EXIT;
    } finally {
      if (session.client().takeRecovered()) {
        console.notice("The connection to " + session.client().server() + " is back.");
      }
      console.flush();
    }
  }

  private Outcome dispatch(String statement) throws InterruptedException {
    String head = StatementSplitter.stripLeadingComments(statement);
    Optional<LocalCommand> command = LocalCommand.parse(head);
    if (command.isPresent()) {
      return local(command.get());
    }
    Optional<ClientStatements.Assignment> set = ClientStatements.set(head);
    if (set.isPresent()) {
      return setProperty(set.get());
    }
    Optional<String> unset = ClientStatements.unset(head);
    if (unset.isPresent()) {
      return unsetProperty(unset.get());
    }
    Optional<ClientStatements.Assignment> define = ClientStatements.define(head);
    if (define.isPresent()) {
      session.define(define.get().name(), define.get().value());
      return Outcome.OK;
    }
    Optional<String> undefine = ClientStatements.undefine(head);
    if (undefine.isPresent()) {
      if (session.undefine(undefine.get()) == null) {
        console.notice("Cannot undefine variable '" + undefine.get() + "' which was never defined");
      }
      return Outcome.OK;
    }
    if (ClientStatements.showVariables(head)) {
      return showVariables();
    }
    String keyword = firstWord(head);
    if (keyword.equals("SELECT")) {
      return queries.select(statement);
    }
    if (keyword.equals("PRINT")) {
      return queries.print(statement);
    }
    return ksql(statement);
  }

  private Outcome local(LocalCommand command) {
    return command.name().equals("run script") ? runScript(command.argument()) : local.run(command);
  }

  /** RUN SCRIPT: the file's whole content as one {@code /ksql} request, as ksqlDB's CLI sends it (SPEC §1.12). */
  private Outcome runScript(String argument) {
    String name = argument.length() >= 2 && argument.startsWith("'") && argument.endsWith("'")
        ? argument.substring(1, argument.length() - 1).replace("''", "'") : argument;
    if (name.isBlank()) {
      errors.problem("RUN SCRIPT needs the file to run: RUN SCRIPT '<path>';");
      return Outcome.FAILED;
    }
    String content;
    try {
      content = Files.readString(Path.of(name));
    } catch (IOException | InvalidPathException e) {
      errors.problem("Could not read the script " + name + ": " + e);
      return Outcome.FAILED;
    }
    if (StatementSplitter.isBlank(content)) {
      return Outcome.OK;
    }
    return ksql(content);
  }

  /** Sends statements to {@code /ksql} and prints the entities; a command that failed on the server fails here too. */
  Outcome ksql(String statements) {
    KsqlClient client = session.client();
    List<JsonNode> entities = client.execute(statements, session.properties(), session.variables(),
        session.commandSequenceNumber());
    sourcesChanged.run();
    PrintWriter out = console.out();
    if (console.settings().format() == OutputFormat.JSON) {
      out.println(JSON.valueToTree(entities).toPrettyString());
    }
    Outcome outcome = Outcome.OK;
    EntityPrinter printer = new EntityPrinter(out);
    for (JsonNode entity : entities) {
      if (entity.has("commandSequenceNumber")) {
        session.sawCommandSequenceNumber(entity.get("commandSequenceNumber").asLong());
      }
      JsonNode status = entity.path("commandStatus");
      if (status.path("status").asText().equals("ERROR")) {
        // The command was accepted but failed while running: its message's first line says why.
        errors.serverError(status.path("message").asText().lines().findFirst().orElse("The statement failed."),
            null, entity.path("statementText").asText(statements));
        outcome = Outcome.FAILED;
      } else if (console.settings().format() == OutputFormat.TABULAR) {
        printer.print(entity);
      }
    }
    return outcome;
  }

  private Outcome setProperty(ClientStatements.Assignment property) {
    session.client().validateProperty(property.name());
    String old = session.setProperty(property.name(), property.value());
    console.notice("Successfully changed local property '" + property.name() + "'"
        + (old == null ? "" : " from '" + old + "'") + " to '" + property.value()
        + "'. Use the UNSET command to revert your change.");
    return Outcome.OK;
  }

  private Outcome unsetProperty(String name) {
    String old = session.unsetProperty(name);
    if (old == null) {
      console.notice("Cannot unset local property '" + name + "' which was never set");
    } else {
      console.notice("Successfully unset local property '" + name + "' (value was '" + old + "').");
    }
    return Outcome.OK;
  }

  private Outcome showVariables() {
    if (console.settings().format() == OutputFormat.JSON) {
      console.out().println(JSON.valueToTree(session.variables()).toPrettyString());
      return Outcome.OK;
    }
    Table table = new Table("Variable Name", "Value");
    session.variables().forEach(table::row);
    table.print(console.out());
    return Outcome.OK;
  }

  private static String firstWord(String text) {
    int end = 0;
    while (end < text.length() && Character.isLetter(text.charAt(end))) {
      end++;
    }
    return text.substring(0, end).toUpperCase(Locale.ROOT);
  }
}
