package io.rtdp.ksql.engine.expression;

/** A compiled expression: evaluates against one row laid out as its {@link RowLayout} says. */
@FunctionalInterface
public interface Evaluator {
  Object eval(Object[] row);
}
