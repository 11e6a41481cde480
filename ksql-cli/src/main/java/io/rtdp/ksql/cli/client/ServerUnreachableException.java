package io.rtdp.ksql.cli.client;

import java.net.ConnectException;
import java.net.URI;

/** The server did not answer at all (refused, reset, timed out): the CLI says so and tries again with the next command. */
public final class ServerUnreachableException extends Exception {
  private final String reason;

  public ServerUnreachableException(URI server, Throwable cause) {
    super("Could not reach the KSQL server at " + server + ": " + describe(cause), cause);
    this.reason = describe(cause);
  }

  /** Why, without the server's address: {@code connection refused (is it running?)}. */
  public String reason() {
    return reason;
  }

  private static String describe(Throwable cause) {
    String message = cause.getMessage();
    // ConnectException from the JDK's client often has no message of its own, only a cause.
    for (Throwable t = cause; (message == null || message.isBlank()) && t != null; t = t.getCause()) {
      message = t.getMessage();
    }
    if (message != null && !message.isBlank()) {
      return message;
    }
    return cause instanceof ConnectException ? "connection refused (is it running?)" : cause.getClass().getSimpleName();
  }
}
