package io.rtdp.ksql.engine.function.builtin;

import io.rtdp.ksql.udf.TableUdaf;
import io.rtdp.ksql.udf.UdafDescription;
import io.rtdp.ksql.udf.UdafFactory;
import java.util.List;

@UdafDescription(name = "AVG", description = "Average of the non-NULL values, as a DOUBLE.")
public final class Avg {
  private Avg() {}

  @UdafFactory(description = "Average of INT values.")
  public static TableUdaf<Integer, List<Double>, Double> averageInt() {
    return new Averaging<>();
  }

  @UdafFactory(description = "Average of BIGINT values.")
  public static TableUdaf<Long, List<Double>, Double> averageLong() {
    return new Averaging<>();
  }

  @UdafFactory(description = "Average of DOUBLE values.")
  public static TableUdaf<Double, List<Double>, Double> averageDouble() {
    return new Averaging<>();
  }

  /** The accumulator is [sum, count] so that averages can be merged and undone exactly. */
  private static final class Averaging<N extends Number> implements TableUdaf<N, List<Double>, Double> {
    @Override
    public List<Double> initialize() {
      return List.of(0.0, 0.0);
    }

    @Override
    public List<Double> aggregate(N value, List<Double> acc) {
      return value == null ? acc : List.of(acc.get(0) + value.doubleValue(), acc.get(1) + 1);
    }

    @Override
    public List<Double> merge(List<Double> a, List<Double> b) {
      return List.of(a.get(0) + b.get(0), a.get(1) + b.get(1));
    }

    @Override
    public Double map(List<Double> acc) {
      return acc.get(1) == 0 ? 0.0 : acc.get(0) / acc.get(1);
    }

    @Override
    public List<Double> undo(N value, List<Double> acc) {
      return value == null ? acc : List.of(acc.get(0) - value.doubleValue(), acc.get(1) - 1);
    }
  }
}
