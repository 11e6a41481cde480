package io.rtdp.ksql.engine.function.builtin;

import io.rtdp.ksql.udf.Udf;
import io.rtdp.ksql.udf.UdfDescription;
import io.rtdp.ksql.udf.UdfParameter;

@UdfDescription(name = "TANH", category = "MATHEMATICAL", description = "The hyperbolic tangent of a number.")
public class Tanh {
  @Udf
  public Double tanh(@UdfParameter("val") Double v) {
    return MathFunctions.apply(v, Math::tanh);
  }
}
