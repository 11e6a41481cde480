package io.rtdp.ksql.engine.function.builtin;

import io.rtdp.ksql.udf.Udaf;
import io.rtdp.ksql.udf.UdafDescription;
import io.rtdp.ksql.udf.UdafFactory;
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
    return new ListStateUdaf<T, Long>((value, seen) -> value != null && !seen.contains(value),
        seen -> (long) seen.size());
  }
}
