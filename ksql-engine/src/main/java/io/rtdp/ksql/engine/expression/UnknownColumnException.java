package io.rtdp.ksql.engine.expression;

import io.rtdp.ksql.engine.KsqlException;
import io.rtdp.ksql.engine.parser.Expression;

/** A column reference that the row layout cannot resolve. */
public class UnknownColumnException extends KsqlException {
  private final Expression.ColumnRef column;

  public UnknownColumnException(String message, Expression.ColumnRef column) {
    super(message);
    this.column = column;
  }

  public Expression.ColumnRef column() {
    return column;
  }
}
