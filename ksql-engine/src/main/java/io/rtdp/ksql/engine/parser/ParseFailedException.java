package io.rtdp.ksql.engine.parser;

import io.rtdp.ksql.engine.KsqlException;

/** Syntax error: the message starts with {@code line L:C: Syntax Error}. */
public class ParseFailedException extends KsqlException {
  public ParseFailedException(String message) {
    super(message);
  }
}
