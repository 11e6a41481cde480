package io.rtdp.ksql.cli.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rtdp.ksql.cli.output.Console;
import io.rtdp.ksql.cli.output.ErrorPrinter;
import io.rtdp.ksql.cli.output.OutputFormat;
import io.rtdp.ksql.cli.output.RowTable;
import io.rtdp.ksql.client.KsqlClient;
import io.rtdp.ksql.client.QueryEvent;
import io.rtdp.ksql.client.QueryStream;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs a SELECT or PRINT and shows what it sends as it arrives, until the server ends it (LIMIT, a
 * pull query's end), it fails, or the user presses Ctrl-C: then the query is closed on the server
 * and the connection dropped (closing the {@link QueryStream} does both), and the CLI is back at its prompt.
 */
final class QueryRunner {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Session session;
  private final Console console;
  private final ErrorPrinter errors;
  private final UserTerminal terminal;

  QueryRunner(Session session, Console console, ErrorPrinter errors, UserTerminal terminal) {
    this.session = session;
    this.console = console;
    this.errors = errors;
    this.terminal = terminal;
  }

  Outcome select(String sql) throws InterruptedException {
    KsqlClient client = session.client();
    try (QueryStream stream = client.stream(sql, session.properties(), session.variables());
         UserTerminal.Handle ignored = terminal.onInterrupt(stream::cancel)) {
      PrintWriter out = console.out();
      boolean json = console.settings().format() == OutputFormat.JSON;
      if (terminal.interactive()) {
        out.println("Press CTRL-C to interrupt");
        out.flush();
      }
      if (session.queryTimeoutMs() > 0) {
        CompletableFuture.delayedExecutor(session.queryTimeoutMs(), TimeUnit.MILLISECONDS).execute(stream::cancel);
      }
      long rows = 0;
      RowTable table = null;
      List<String> columns = List.of();
      String finalMessage = null;
      while (true) {
        QueryEvent event = stream.next();
        if (event instanceof QueryEvent.Header h) {
          columns = h.columnNames();
          if (!json) {
            table = new RowTable(out, columns, console.settings(), console.width());
          }
        } else if (event instanceof QueryEvent.Row r) {
          if (json) {
            out.println(jsonRow(columns, r));
            out.flush();
          } else if (table != null) {
            table.row(r.values(), r.tombstone());
          }
          if (++rows == session.queryRowLimit()) {
            stream.cancel();
          }
        } else if (event instanceof QueryEvent.Final f) {
          finalMessage = f.message();
        } else if (event instanceof QueryEvent.Rejected r) {
          throw r.error();
        } else if (event instanceof QueryEvent.Unreachable u) {
          throw u.error();
        } else if (event instanceof QueryEvent.Failure f) {
          close(table);
          errors.serverError(f.message(), f.error(), sql);
          return Outcome.FAILED;
        } else if (event instanceof QueryEvent.Broken b) {
          close(table);
          errors.problem("The connection to " + client.server() + " broke while the query ran: " + b.reason());
          return Outcome.FAILED;
        } else if (event instanceof QueryEvent.Cancelled) {
          // Stops the query on the server (/close-query) now, before "Query terminated" is printed.
          stream.close();
          if (terminal.interactive()) {
            // The terminal echoed ^C where the next row would have started.
            out.println();
          }
          break;
        } else if (event instanceof QueryEvent.End) {
          break;
        }
      }
      close(table);
      if (!json) {
        if (finalMessage != null) {
          out.println(finalMessage);
        }
        out.println("Query terminated");
      }
      out.flush();
      return Outcome.OK;
    }
  }

  Outcome print(String statement) throws InterruptedException {
    KsqlClient client = session.client();
    try (QueryStream stream = client.print(statement, session.properties(), session.variables());
         UserTerminal.Handle ignored = terminal.onInterrupt(stream::cancel)) {
      PrintWriter out = console.out();
      if (terminal.interactive()) {
        out.println("Press CTRL-C to interrupt");
        out.flush();
      }
      while (true) {
        QueryEvent event = stream.next();
        if (event instanceof QueryEvent.Text t) {
          out.println(t.line());
          out.flush();
        } else if (event instanceof QueryEvent.Rejected r) {
          throw r.error();
        } else if (event instanceof QueryEvent.Unreachable u) {
          throw u.error();
        } else if (event instanceof QueryEvent.Broken b) {
          errors.problem("The connection to " + client.server() + " broke while printing: " + b.reason());
          return Outcome.FAILED;
        } else if (event instanceof QueryEvent.Cancelled) {
          if (terminal.interactive()) {
            out.println();
          }
          out.println("Topic printing ceased");
          out.flush();
          return Outcome.OK;
        } else if (event instanceof QueryEvent.End) {
          out.flush();
          return Outcome.OK;
        }
      }
    }
  }

  private static void close(RowTable table) {
    if (table != null) {
      table.close();
    }
  }

  private static String jsonRow(List<String> columns, QueryEvent.Row row) {
    ObjectNode object = JSON.createObjectNode();
    List<JsonNode> values = row.values();
    for (int i = 0; i < values.size(); i++) {
      object.set(i < columns.size() ? columns.get(i) : "COLUMN" + (i + 1), values.get(i));
    }
    if (row.tombstone()) {
      object.put("@tombstone", true);
    }
    return object.toString();
  }
}
