package io.rtdp.ksql.cli.session;

/** How one statement or command went: scripts stop at the first failure, EXIT ends the CLI. */
public enum Outcome {
  OK, FAILED, EXIT
}
