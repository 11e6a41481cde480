package io.rtdp.ksql.engine.function.builtin;

import io.rtdp.ksql.udf.Udf;
import io.rtdp.ksql.udf.UdfDescription;
import io.rtdp.ksql.udf.UdfParameter;

@UdfDescription(name = "TAN", category = "MATHEMATICAL", description = "The tangent of a number.")
public class Tan {
  @Udf
  public Double tan(@UdfParameter("val") Double v) {
    return MathFunctions.apply(v, Math::tan);
  }
}
