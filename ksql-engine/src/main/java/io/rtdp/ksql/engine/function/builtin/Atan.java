package io.rtdp.ksql.engine.function.builtin;

import io.rtdp.ksql.udf.Udf;
import io.rtdp.ksql.udf.UdfDescription;
import io.rtdp.ksql.udf.UdfParameter;

@UdfDescription(name = "ATAN", category = "MATHEMATICAL", description = "The arc tangent of a number.")
public class Atan {
  @Udf
  public Double atan(@UdfParameter("val") Double v) {
    return MathFunctions.apply(v, Math::atan);
  }
}
