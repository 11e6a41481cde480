package io.rtdp.ksql.engine.function.builtin;

import io.rtdp.ksql.udf.Udf;
import io.rtdp.ksql.udf.UdfDescription;
import io.rtdp.ksql.udf.UdfParameter;

@UdfDescription(name = "RADIANS", category = "MATHEMATICAL", description = "The degrees converted to radians of a number.")
public class Radians {
  @Udf
  public Double radians(@UdfParameter("val") Double v) {
    return MathFunctions.apply(v, Math::toRadians);
  }
}
