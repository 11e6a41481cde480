package io.rtdp.ksql.migrations;

/** A migration could not be read, validated or applied; the message says what to do. */
public final class MigrationException extends RuntimeException {
  public MigrationException(String message) {
    super(message);
  }

  public MigrationException(String message, Throwable cause) {
    super(message, cause);
  }
}
