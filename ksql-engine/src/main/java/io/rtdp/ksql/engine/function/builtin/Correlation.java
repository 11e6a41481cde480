package io.rtdp.ksql.engine.function.builtin;

import io.rtdp.ksql.udf.Pair;
import io.rtdp.ksql.udf.TableUdaf;
import io.rtdp.ksql.udf.UdafDescription;
import io.rtdp.ksql.udf.UdafFactory;
import java.util.List;

/**
 * CORRELATION(x, y): the Pearson correlation of the rows where both x and y are non-NULL (SPEC §8.1);
 * NaN while it is undefined (fewer than two rows, or a column without spread).
 */
@UdafDescription(name = "CORRELATION",
    description = "The Pearson correlation of two numeric columns; rows with a NULL are ignored.")
public final class Correlation {
  private Correlation() {}

  @UdafFactory(description = "Over INT and INT values.")
  public static TableUdaf<Pair<Integer, Integer>, List<Double>, Double> correlationIntInt() {
    return new Moments<>();
  }

  @UdafFactory(description = "Over INT and BIGINT values.")
  public static TableUdaf<Pair<Integer, Long>, List<Double>, Double> correlationIntLong() {
    return new Moments<>();
  }

  @UdafFactory(description = "Over INT and DOUBLE values.")
  public static TableUdaf<Pair<Integer, Double>, List<Double>, Double> correlationIntDouble() {
    return new Moments<>();
  }

  @UdafFactory(description = "Over BIGINT and INT values.")
  public static TableUdaf<Pair<Long, Integer>, List<Double>, Double> correlationLongInt() {
    return new Moments<>();
  }

  @UdafFactory(description = "Over BIGINT and BIGINT values.")
  public static TableUdaf<Pair<Long, Long>, List<Double>, Double> correlationLongLong() {
    return new Moments<>();
  }

  @UdafFactory(description = "Over BIGINT and DOUBLE values.")
  public static TableUdaf<Pair<Long, Double>, List<Double>, Double> correlationLongDouble() {
    return new Moments<>();
  }

  @UdafFactory(description = "Over DOUBLE and INT values.")
  public static TableUdaf<Pair<Double, Integer>, List<Double>, Double> correlationDoubleInt() {
    return new Moments<>();
  }

  @UdafFactory(description = "Over DOUBLE and BIGINT values.")
  public static TableUdaf<Pair<Double, Long>, List<Double>, Double> correlationDoubleLong() {
    return new Moments<>();
  }

  @UdafFactory(description = "Over DOUBLE and DOUBLE values.")
  public static TableUdaf<Pair<Double, Double>, List<Double>, Double> correlationDoubleDouble() {
    return new Moments<>();
  }

  /**
   * The accumulator is [count, mean x, mean y, squared deviations of x, of y, co-deviation of x and y],
   * updated incrementally (Welford) so that adding, undoing and merging stay numerically stable.
   */
  static final class Moments<X extends Number, Y extends Number> implements TableUdaf<Pair<X, Y>, List<Double>, Double> {
    private static final List<Double> EMPTY = List.of(0.0, 0.0, 0.0, 0.0, 0.0, 0.0);

    @Override
    public List<Double> initialize() {
      return EMPTY;
    }

    @Override
    public List<Double> aggregate(Pair<X, Y> row, List<Double> acc) {
      if (row.first() == null || row.second() == null) {
        return acc;
      }
      double x = row.first().doubleValue();
      double y = row.second().doubleValue();
      double n = acc.get(0) + 1;
      double dx = x - acc.get(1);
      double dy = y - acc.get(2);
      double meanX = acc.get(1) + dx / n;
      double meanY = acc.get(2) + dy / n;
      return List.of(n, meanX, meanY, acc.get(3) + dx * (x - meanX), acc.get(4) + dy * (y - meanY),
          acc.get(5) + dx * (y - meanY));
    }

    @Override
    public List<Double> undo(Pair<X, Y> row, List<Double> acc) {
      if (row.first() == null || row.second() == null) {
        return acc;
      }
      double n = acc.get(0) - 1;
      if (n <= 0) {
        return EMPTY;
      }
      double x = row.first().doubleValue();
      double y = row.second().doubleValue();
      double meanX = (acc.get(1) * acc.get(0) - x) / n;
      double meanY = (acc.get(2) * acc.get(0) - y) / n;
      double dx = x - meanX;
      double dy = y - meanY;
      return List.of(n, meanX, meanY, acc.get(3) - dx * (x - acc.get(1)), acc.get(4) - dy * (y - acc.get(2)),
          acc.get(5) - dx * (y - acc.get(2)));
    }

    @Override
    public List<Double> merge(List<Double> a, List<Double> b) {
      double na = a.get(0);
      double nb = b.get(0);
      double n = na + nb;
      if (n == 0) {
        return EMPTY;
      }
      double dx = b.get(1) - a.get(1);
      double dy = b.get(2) - a.get(2);
      double weight = na * nb / n;
      return List.of(n, a.get(1) + dx * nb / n, a.get(2) + dy * nb / n, a.get(3) + b.get(3) + dx * dx * weight,
          a.get(4) + b.get(4) + dy * dy * weight, a.get(5) + b.get(5) + dx * dy * weight);
    }

    @Override
    public Double map(List<Double> acc) {
      double spread = Math.sqrt(acc.get(3) * acc.get(4));
      return acc.get(0) < 2 || spread == 0 ? Double.NaN : acc.get(5) / spread;
    }
  }
}
