package io.rtdp.ksql.server.rqtt;

/** The result of one RQTT case; {@code reason} says what differed or why it was not run. */
record Outcome(Status status, String reason) {
  enum Status { PASSED, FAILED, SKIPPED }

  static Outcome passed() {
    return new Outcome(Status.PASSED, "");
  }

  static Outcome failed(String reason) {
    return new Outcome(Status.FAILED, reason);
  }

  static Outcome skipped(String reason) {
    return new Outcome(Status.SKIPPED, reason);
  }
}
