package io.rtdp.ksql.engine.function.builtin;

import io.rtdp.ksql.udf.Udaf;
import io.rtdp.ksql.udf.UdafDescription;
import io.rtdp.ksql.udf.UdafFactory;
import java.util.List;

@UdafDescription(name = "COLLECT_SET", description = "Distinct values in first-seen order.")
public final class CollectSet {
  private CollectSet() {}

  @UdafFactory(description = "Collects distinct values into an array.")
  public static <T> Udaf<T, List<T>, List<T>> collectSet() {
    return new ListStateUdaf<T, List<T>>(
        (value, set) -> value != null && !set.contains(value) && set.size() < CollectList.LIMIT, set -> set);
  }
}
