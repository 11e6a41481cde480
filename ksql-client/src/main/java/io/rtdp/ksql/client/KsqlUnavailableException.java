package io.rtdp.ksql.client;

/** The KSQL server could not be reached or did not answer in time. */
public final class KsqlUnavailableException extends RuntimeException {
  public KsqlUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
