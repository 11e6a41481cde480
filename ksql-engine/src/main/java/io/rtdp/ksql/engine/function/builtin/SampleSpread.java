package io.rtdp.ksql.engine.function.builtin;

import io.rtdp.ksql.udf.TableUdaf;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

/**
 * Shared by STDDEV_SAMP and STDDEV_SAMPLE: the sample variance of the non-NULL values, passed
 * through a final function. The accumulator is [count, sum, sum of squares] so that it can be
 * merged and undone exactly; fewer than two values give 0.0.
 */
final class SampleSpread<N extends Number> implements TableUdaf<N, List<Double>, Double> {
  private final DoubleUnaryOperator ofVariance;

  SampleSpread(DoubleUnaryOperator ofVariance) {
    this.ofVariance = ofVariance;
  }

  @Override
  public List<Double> initialize() {
    return List.of(0.0, 0.0, 0.0);
  }

  @Override
  public List<Double> aggregate(N value, List<Double> acc) {
    return value == null ? acc : add(acc, 1, value.doubleValue());
  }

  @Override
  public List<Double> merge(List<Double> a, List<Double> b) {
    return List.of(a.get(0) + b.get(0), a.get(1) + b.get(1), a.get(2) + b.get(2));
  }

  @Override
  public Double map(List<Double> acc) {
    double n = acc.get(0);
    if (n < 2) {
      return 0.0;
    }
    double variance = (acc.get(2) - acc.get(1) * acc.get(1) / n) / (n - 1);
    return ofVariance.applyAsDouble(Math.max(variance, 0.0));
  }

  @Override
  public List<Double> undo(N value, List<Double> acc) {
    return value == null ? acc : add(acc, -1, value.doubleValue());
  }

  private static List<Double> add(List<Double> acc, int sign, double v) {
    return List.of(acc.get(0) + sign, acc.get(1) + sign * v, acc.get(2) + sign * v * v);
  }
}
