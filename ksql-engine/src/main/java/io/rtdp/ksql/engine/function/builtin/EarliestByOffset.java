package io.rtdp.ksql.engine.function.builtin;

import io.rtdp.ksql.udf.Udaf;
import io.rtdp.ksql.udf.UdafDescription;
import io.rtdp.ksql.udf.UdafFactory;
import io.rtdp.ksql.udf.UdfParameter;
import java.util.List;

@UdafDescription(name = "EARLIEST_BY_OFFSET", description = "The first value seen; NULLs ignored by default.")
public final class EarliestByOffset {
  private EarliestByOffset() {}

  @UdafFactory(description = "The first non-NULL value.")
  public static <T> Udaf<T, List<T>, T> earliest() {
    return earliest(true);
  }

  /** The accumulator is empty until a value was taken, so that a kept NULL stays first. */
  @UdafFactory(description = "The first value, NULLs kept unless ignoreNulls.")
  public static <T> Udaf<T, List<T>, T> earliest(@UdfParameter("ignoreNulls") boolean ignoreNulls) {
    return new ListStateUdaf<T, T>((value, current) -> current.isEmpty() && (value != null || !ignoreNulls),
        current -> current.isEmpty() ? null : current.get(0));
  }

  @UdafFactory(description = "The n first non-NULL values.")
  public static <T> Udaf<T, List<T>, List<T>> earliest(@UdfParameter("n") int n) {
    return earliest(n, true);
  }

  @UdafFactory(description = "The n first values; NULLs kept unless ignoreNulls.")
  public static <T> Udaf<T, List<T>, List<T>> earliest(@UdfParameter("n") int n,
      @UdfParameter("ignoreNulls") boolean ignoreNulls) {
    if (n < 1) {
      throw new IllegalArgumentException("For EARLIEST_BY_OFFSET, n must be positive. It was " + n + ".");
    }
    return new ListStateUdaf<T, List<T>>((value, current) -> (value != null || !ignoreNulls) && current.size() < n,
        current -> current);
  }
}
