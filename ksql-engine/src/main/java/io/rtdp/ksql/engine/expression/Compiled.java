package io.rtdp.ksql.engine.expression;

import io.rtdp.ksql.engine.parser.Expression;
import io.rtdp.ksql.engine.schema.SqlType;

/**
 * An expression resolved and type-checked once; {@code type} is null only for the NULL literal,
 * whose type comes from its context.
 */
public record Compiled(Expression source, SqlType type, Evaluator evaluator, boolean constant) {
  public Object eval(Object[] row) {
    return evaluator.eval(row);
  }
}
