package io.rtdp.ksql.engine.function.builtin;

import io.rtdp.ksql.udf.Udf;
import io.rtdp.ksql.udf.UdfDescription;
import io.rtdp.ksql.udf.UdfParameter;

@UdfDescription(name = "COSH", category = "MATHEMATICAL", description = "The hyperbolic cosine of a number.")
public class Cosh {
  @Udf
  public Double cosh(@UdfParameter("val") Double v) {
    return MathFunctions.apply(v, Math::cosh);
  }
}
