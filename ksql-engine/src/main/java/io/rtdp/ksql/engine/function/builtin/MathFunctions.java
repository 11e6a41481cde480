package io.rtdp.ksql.engine.function.builtin;

import java.util.function.DoubleUnaryOperator;

/** NULL-propagating application of a double function, shared by the one-argument math UDFs. */
final class MathFunctions {
  private MathFunctions() {}

  static Double apply(Number v, DoubleUnaryOperator f) {
    return v == null ? null : f.applyAsDouble(v.doubleValue());
  }
}
