package io.rtdp.ksql.engine.function.builtin;

import io.rtdp.ksql.udf.Udf;
import io.rtdp.ksql.udf.UdfDescription;

@UdfDescription(name = "PI", category = "MATHEMATICAL", description = "The constant pi.")
public class Pi {
  @Udf
  public Double pi() {
    return Math.PI;
  }
}
