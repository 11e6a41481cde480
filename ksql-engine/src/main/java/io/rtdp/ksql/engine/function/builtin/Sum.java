package io.rtdp.ksql.engine.function.builtin;

import io.rtdp.ksql.udf.TableUdaf;
import io.rtdp.ksql.udf.UdafDescription;
import io.rtdp.ksql.udf.UdafFactory;
import java.math.BigDecimal;
import java.util.function.BinaryOperator;

@UdafDescription(name = "SUM", description = "Sum of the non-NULL values; INT stays INT, DECIMAL keeps its type.")
public final class Sum {
  private Sum() {}

  @UdafFactory(description = "Sum of INT values.")
  public static TableUdaf<Integer, Integer, Integer> sumInt() {
    return new Summing<>(0, Integer::sum, (a, b) -> a - b);
  }

  @UdafFactory(description = "Sum of BIGINT values.")
  public static TableUdaf<Long, Long, Long> sumLong() {
    return new Summing<>(0L, Long::sum, (a, b) -> a - b);
  }

  @UdafFactory(description = "Sum of DOUBLE values.")
  public static TableUdaf<Double, Double, Double> sumDouble() {
    return new Summing<>(0.0, Double::sum, (a, b) -> a - b);
  }

  @UdafFactory(description = "Sum of DECIMAL values.")
  public static TableUdaf<BigDecimal, BigDecimal, BigDecimal> sumDecimal() {
    return new Summing<>(BigDecimal.ZERO, BigDecimal::add, BigDecimal::subtract);
  }

  private static final class Summing<T> implements TableUdaf<T, T, T> {
    private final T zero;
    private final BinaryOperator<T> plus;
    private final BinaryOperator<T> minus;

    Summing(T zero, BinaryOperator<T> plus, BinaryOperator<T> minus) {
      this.zero = zero;
      this.plus = plus;
      this.minus = minus;
    }

    @Override
    public T initialize() {
      return zero;
    }

    @Override
    public T aggregate(T value, T sum) {
      return value == null ? sum : plus.apply(sum, value);
    }

    @Override
    public T merge(T a, T b) {
      return plus.apply(a, b);
    }

    @Override
    public T map(T sum) {
      return sum;
    }

    @Override
    public T undo(T value, T sum) {
      return value == null ? sum : minus.apply(sum, value);
    }
  }
}
