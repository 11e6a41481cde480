package io.rtdp.ksql.client.statements;

/** A text that must hold whole statements stops inside one; the message names where and how to fix it. */
public final class IncompleteStatementException extends IllegalArgumentException {
  public IncompleteStatementException(String message) {
    super(message);
  }
}
