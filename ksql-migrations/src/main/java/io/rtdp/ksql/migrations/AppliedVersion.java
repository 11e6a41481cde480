package io.rtdp.ksql.migrations;

/** A version as the server's migration record holds it; {@code state} is RUNNING, MIGRATED or ERROR. */
record AppliedVersion(int version, String name, String state, String checksum, String startedOn,
    String completedOn, String previous, String errorReason) {
  static final String RUNNING = "RUNNING";
  static final String MIGRATED = "MIGRATED";
  static final String ERROR = "ERROR";

  boolean migrated() {
    return MIGRATED.equals(state);
  }
}
