package io.rtdp.ksql.engine.function.builtin;

import io.rtdp.ksql.udf.Udaf;
import io.rtdp.ksql.udf.UdafDescription;
import io.rtdp.ksql.udf.UdafFactory;
import io.rtdp.ksql.udf.UdfParameter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

@UdafDescription(name = "TOPK", description = "The k largest values, descending.")
public final class TopK {
  private TopK() {}

  @UdafFactory(description = "The k largest non-NULL values.")
  public static <T> Udaf<T, List<T>, List<T>> topK(@UdfParameter("k") int k) {
    return ranking(k, false);
  }

  /** Shared by TOPK and TOPKDISTINCT: a descending list capped at k entries. */
  @SuppressWarnings("unchecked")
  static <T> Udaf<T, List<T>, List<T>> ranking(int k, boolean distinct) {
    if (k < 1) {
      throw new IllegalArgumentException("k must be positive: " + k);
    }
    return new ListStateUdaf<T, List<T>>((value, top) -> value != null && !(distinct && top.contains(value)),
        grown -> {
          grown.sort((a, b) -> ((Comparable<Object>) b).compareTo(a));
          return grown.size() > k ? new ArrayList<>(grown.subList(0, k)) : grown;
        },
        Collections::unmodifiableList);
  }
}
