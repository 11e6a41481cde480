package io.rtdp.ksql.engine.function;

import java.math.BigDecimal;
import java.util.function.UnaryOperator;

/** Widening of argument values to the Java type a function parameter declares. */
final class ValueConverters {
  private ValueConverters() {}

  static UnaryOperator<Object> to(Class<?> target) {
    if (target == long.class || target == Long.class) {
      return v -> v instanceof Integer i ? Long.valueOf(i) : v;
    }
    if (target == double.class || target == Double.class) {
      return v -> v instanceof Number n && !(v instanceof Double) ? Double.valueOf(n.doubleValue()) : v;
    }
    if (target == BigDecimal.class) {
      return v -> v instanceof Integer || v instanceof Long ? BigDecimal.valueOf(((Number) v).longValue()) : v;
    }
    return UnaryOperator.identity();
  }
}
