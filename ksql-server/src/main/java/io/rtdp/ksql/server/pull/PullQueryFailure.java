package io.rtdp.ksql.server.pull;

/** A pull query the server could not answer though its statement is fine (store unavailable, host down). */
public final class PullQueryFailure extends RuntimeException {
  public PullQueryFailure(String message) {
    super(message);
  }
}
