package io.rtdp.ksql.engine.expression;

import io.rtdp.ksql.engine.parser.Expression;
import io.rtdp.ksql.engine.schema.SqlType;
import java.util.function.BinaryOperator;

/**
 * An expression resolved and type-checked once; {@code type} is null only for the NULL literal,
 * whose type comes from its context.
 */
public record Compiled(Expression source, SqlType type, Evaluator evaluator, boolean constant) {
  public Object eval(Object[] row) {
    return evaluator.eval(row);
  }

  /** A binary operation over two compiled operands that is NULL when either operand is. */
  static Compiled nullSafe(Expression e, SqlType type, Compiled l, Compiled r, BinaryOperator<Object> op) {
    Evaluator le = l.evaluator();
    Evaluator re = r.evaluator();
    return new Compiled(e, type, row -> {
      Object x = le.eval(row);
      Object y = re.eval(row);
      return x == null || y == null ? null : op.apply(x, y);
    }, false);
  }
}
