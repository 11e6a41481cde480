package io.rtdp.ksql.engine.function.builtin;

import io.rtdp.ksql.udf.Udaf;

/** MIN/MAX: keeps the smallest (sign 1) or largest (sign -1) non-NULL value. */
final class Extremum<T> implements Udaf<T, T, T> {
  private final int sign;

  Extremum(int sign) {
    this.sign = sign;
  }

  @Override
  public T initialize() {
    return null;
  }

  @Override
  @SuppressWarnings("unchecked")
  public T aggregate(T value, T current) {
    if (value == null) {
      return current;
    }
    if (current == null) {
      return value;
    }
    return sign * ((Comparable<Object>) value).compareTo(current) < 0 ? value : current;
  }

  @Override
  public T merge(T a, T b) {
    return aggregate(a, b);
  }

  @Override
  public T map(T value) {
    return value;
  }
}
