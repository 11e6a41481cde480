package io.rtdp.ksql.engine.function.builtin;

import io.rtdp.ksql.udf.Udaf;
import io.rtdp.ksql.udf.UdafDescription;
import io.rtdp.ksql.udf.UdafFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * Counts distinct non-NULL values. ksqlDB estimates with HyperLogLog (~2% error); this keeps the
 * distinct values, which is exact and equal to the estimate on small sets, at the cost of state size.
 */
@UdafDescription(name = "COUNT_DISTINCT", description = "The number of distinct non-NULL values.")
public final class CountDistinct {
  private CountDistinct() {}

  @UdafFactory(description = "Counts distinct values.")
  public static <T> Udaf<T, List<T>, Long> countDistinct() {
    return new Udaf<>() {
      @Override
      public List<T> initialize() {
        return new ArrayList<>();
      }

      @Override
      public List<T> aggregate(T value, List<T> seen) {
        if (value == null || seen.contains(value)) {
          return seen;
        }
        List<T> out = new ArrayList<>(seen);
        out.add(value);
        return out;
      }

      @Override
      public List<T> merge(List<T> a, List<T> b) {
        List<T> out = a;
        for (T t : b) {
          out = aggregate(t, out);
        }
        return out;
      }

      @Override
      public Long map(List<T> seen) {
        return (long) seen.size();
      }
    };
  }
}
