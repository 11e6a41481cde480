package io.rtdp.ksql.engine.function.builtin;

import io.rtdp.ksql.udf.Udaf;
import io.rtdp.ksql.udf.UdafDescription;
import io.rtdp.ksql.udf.UdafFactory;
import io.rtdp.ksql.udf.UdfParameter;
import java.util.ArrayList;
import java.util.List;

@UdafDescription(name = "LATEST_BY_OFFSET", description = "The most recent value; NULLs ignored by default.")
public final class LatestByOffset {
  private LatestByOffset() {}

  @UdafFactory(description = "The most recent non-NULL value.")
  public static <T> Udaf<T, T, T> latest() {
    return latest(true);
  }

  @UdafFactory(description = "The most recent value, NULLs kept unless ignoreNulls.")
  public static <T> Udaf<T, T, T> latest(@UdfParameter("ignoreNulls") boolean ignoreNulls) {
    return new Udaf<>() {
      @Override
      public T initialize() {
        return null;
      }

      @Override
      public T aggregate(T value, T current) {
        return value == null && ignoreNulls ? current : value;
      }

      @Override
      public T merge(T a, T b) {
        return b == null && ignoreNulls ? a : b;
      }

      @Override
      public T map(T value) {
        return value;
      }
    };
  }

  @UdafFactory(description = "The n most recent non-NULL values, oldest first.")
  public static <T> Udaf<T, List<T>, List<T>> latest(@UdfParameter("n") int n) {
    return latest(n, true);
  }

  @UdafFactory(description = "The n most recent values, oldest first; NULLs kept unless ignoreNulls.")
  public static <T> Udaf<T, List<T>, List<T>> latest(@UdfParameter("n") int n,
      @UdfParameter("ignoreNulls") boolean ignoreNulls) {
    if (n < 1) {
      throw new IllegalArgumentException("For LATEST_BY_OFFSET, n must be positive. It was " + n + ".");
    }
    return new ListStateUdaf<T, List<T>>((value, current) -> value != null || !ignoreNulls,
        grown -> grown.size() > n ? new ArrayList<>(grown.subList(grown.size() - n, grown.size())) : grown,
        current -> current);
  }
}
