package io.rtdp.ksql.client;

import java.net.ConnectException;
import java.net.URI;

/**
 * The KSQL server could not be reached or did not answer in time (refused, reset, timed out). A
 * request may simply be tried again later; {@link KsqlClient#takeRecovered()} tells when it answers again.
 */
public final class KsqlUnavailableException extends RuntimeException {
  private final String reason;

  public KsqlUnavailableException(URI server, Throwable cause) {
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
