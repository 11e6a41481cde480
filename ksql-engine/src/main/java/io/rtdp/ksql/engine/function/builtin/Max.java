package io.rtdp.ksql.engine.function.builtin;

import io.rtdp.ksql.udf.Udaf;
import io.rtdp.ksql.udf.UdafDescription;
import io.rtdp.ksql.udf.UdafFactory;

@UdafDescription(name = "MAX", description = "The largest non-NULL value.")
public final class Max {
  private Max() {}

  @UdafFactory(description = "The largest non-NULL value of any comparable type.")
  public static <T> Udaf<T, T, T> max() {
    return new Extremum<>(-1);
  }
}
