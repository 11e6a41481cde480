package io.rtdp.ksql.engine.qtt;

/**
 * Result of one conformance case (QTT here, RQTT in ksql-server through the test-jar); {@code reason}
 * explains failures and unsupported features.
 */
public record Outcome(Status status, String reason) {
  public enum Status { PASSED, FAILED, UNSUPPORTED }

  public static Outcome passed() {
    return new Outcome(Status.PASSED, "");
  }

  public static Outcome failed(String reason) {
    return new Outcome(Status.FAILED, reason);
  }

  public static Outcome unsupported(String reason) {
    return new Outcome(Status.UNSUPPORTED, reason);
  }
}
