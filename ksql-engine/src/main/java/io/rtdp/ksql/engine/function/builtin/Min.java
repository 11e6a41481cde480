package io.rtdp.ksql.engine.function.builtin;

import io.rtdp.ksql.udf.Udaf;
import io.rtdp.ksql.udf.UdafDescription;
import io.rtdp.ksql.udf.UdafFactory;

@UdafDescription(name = "MIN", description = "The smallest non-NULL value.")
public final class Min {
  private Min() {}

  @UdafFactory(description = "The smallest non-NULL value of any comparable type.")
  public static <T> Udaf<T, T, T> min() {
    return new Extremum<>(1);
  }
}
