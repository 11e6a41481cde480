package io.rtdp.ksql.engine.function.builtin;

import io.rtdp.ksql.udf.Udf;
import io.rtdp.ksql.udf.UdfDescription;

@UdfDescription(name = "RANDOM", category = "MATHEMATICAL", description = "A uniformly distributed number in [0, 1).")
public class Random {
  @Udf
  public Double random() {
    return Math.random();
  }
}
