package io.rtdp.ksql.engine.qtt;

/** Result of one QTT case; {@code reason} explains failures and unsupported features. */
record Outcome(Status status, String reason) {
  enum Status { PASSED, FAILED, UNSUPPORTED }

  static Outcome passed() {
    return new Outcome(Status.PASSED, "");
  }

  static Outcome failed(String reason) {
    return new Outcome(Status.FAILED, reason);
  }

  static Outcome unsupported(String reason) {
    return new Outcome(Status.UNSUPPORTED, reason);
  }
}
