package io.rtdp.ksql.engine;

/** A statement or expression the engine rejects; the message names the cause for the user. */
public class KsqlException extends RuntimeException {
  public KsqlException(String message) {
    super(message);
  }

  public KsqlException(String message, Throwable cause) {
    super(message, cause);
  }
}
