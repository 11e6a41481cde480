package io.rtdp.ksql.server.execution;

/** A statement of a request that cannot run; {@code statementText} is that statement alone. */
public final class StatementFailure extends RuntimeException {
  private final String statementText;

  public StatementFailure(String statementText, String message, Throwable cause) {
    super(message, cause);
    this.statementText = statementText;
  }

  public String statementText() {
    return statementText;
  }
}
