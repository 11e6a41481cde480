package io.rtdp.ksql.cli.output;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Errors as a person needs them: the server's message, then the statement it concerns with a
 * caret under the position the message names ({@code line 1:15: …}). In JSON output the server's
 * error object is printed as received.
 */
public final class ErrorPrinter {
  private static final Pattern POSITION = Pattern.compile("line (\\d+):(\\d+)");
  private static final String STATEMENT = "Statement: ";

  private final Console console;

  public ErrorPrinter(Console console) {
    this.console = console;
  }

  /** A server error about {@code statement} (the server's own statementText wins when it sent one). */
  public void serverError(String message, JsonNode body, String statement) {
    PrintWriter err = console.err();
    if (console.settings().format() == OutputFormat.JSON && body != null) {
      err.println(body.toPrettyString());
      err.flush();
      return;
    }
    err.println(message);
    String text = body != null && body.path("statementText").isTextual() && !body.get("statementText").asText().isBlank()
        ? body.get("statementText").asText() : statement;
    if (text != null && !text.isBlank() && !message.contains(text.strip())) {
      printStatement(err, text.strip(), message);
    }
    err.flush();
  }

  /** A problem the CLI itself found or met (unreachable server, unreadable file, bad command). */
  public void problem(String message) {
    console.err().println(message);
    console.err().flush();
  }

  private static void printStatement(PrintWriter err, String text, String message) {
    String[] lines = text.split("\\R", -1);
    Matcher position = POSITION.matcher(message);
    int line = -1;
    int column = -1;
    if (position.find()) {
      line = Integer.parseInt(position.group(1));
      column = Integer.parseInt(position.group(2));
    }
    String indent = " ".repeat(STATEMENT.length());
    for (int i = 0; i < lines.length; i++) {
      err.println((i == 0 ? STATEMENT : indent) + lines[i]);
      if (i + 1 == line && column >= 0 && column <= lines[i].length() + 1) {
        // Positions come from the parser with 1-based columns; 0 means the start of the line as well.
        err.println(indent + " ".repeat(Math.max(0, column - 1)) + "^");
      }
    }
  }
}
