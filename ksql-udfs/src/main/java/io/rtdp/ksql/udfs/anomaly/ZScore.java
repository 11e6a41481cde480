package io.rtdp.ksql.udfs.anomaly;

import io.rtdp.ksql.udf.Udaf;
import io.rtdp.ksql.udf.UdafDescription;
import io.rtdp.ksql.udf.UdafFactory;
import java.util.List;

@UdafDescription(name = "ZSCORE", author = "rtdp", version = "1.0",
    description = "How unusual the latest value of a group is: (latest - mean) / population standard deviation"
        + " of the group's values (per window when windowed). 0.0 until two distinct values were seen; NULL"
        + " values are ignored. Useful for anomaly alerts: ABS(ZSCORE(x)) > 3.")
public final class ZScore {
  private ZScore() {}

  @UdafFactory(description = "z-score of the latest DOUBLE value.")
  public static Udaf<Double, List<Double>, Double> zscoreDouble() {
    return new Welford<>();
  }

  @UdafFactory(description = "z-score of the latest INT value.")
  public static Udaf<Integer, List<Double>, Double> zscoreInt() {
    return new Welford<>();
  }

  @UdafFactory(description = "z-score of the latest BIGINT value.")
  public static Udaf<Long, List<Double>, Double> zscoreLong() {
    return new Welford<>();
  }

  /**
   * Welford's running mean and sum of squared deviations ([count, mean, m2, latest]): numerically
   * stable for long windows, and mergeable (Chan et al.) when session windows join.
   */
  private static final class Welford<N extends Number> implements Udaf<N, List<Double>, Double> {
    @Override
    public List<Double> initialize() {
      return List.of(0.0, 0.0, 0.0, 0.0);
    }

    @Override
    public List<Double> aggregate(N value, List<Double> acc) {
      if (value == null) {
        return acc;
      }
      double x = value.doubleValue();
      double count = acc.get(0) + 1;
      double delta = x - acc.get(1);
      double mean = acc.get(1) + delta / count;
      double m2 = acc.get(2) + delta * (x - mean);
      return List.of(count, mean, m2, x);
    }

    @Override
    public List<Double> merge(List<Double> a, List<Double> b) {
      double count = a.get(0) + b.get(0);
      if (count == 0) {
        return a;
      }
      double delta = b.get(1) - a.get(1);
      double mean = a.get(1) + delta * b.get(0) / count;
      double m2 = a.get(2) + b.get(2) + delta * delta * a.get(0) * b.get(0) / count;
      // Kafka Streams does not say which merged session is the later one: b's latest value wins.
      double latest = b.get(0) > 0 ? b.get(3) : a.get(3);
      return List.of(count, mean, m2, latest);
    }

    @Override
    public Double map(List<Double> acc) {
      double count = acc.get(0);
      double variance = count == 0 ? 0 : acc.get(2) / count;
      return variance <= 0 ? 0.0 : (acc.get(3) - acc.get(1)) / Math.sqrt(variance);
    }
  }
}
