package io.rtdp.ksql.engine.function.builtin;

import io.rtdp.ksql.udf.Udf;
import io.rtdp.ksql.udf.UdfDescription;
import io.rtdp.ksql.udf.UdfParameter;

@UdfDescription(name = "SINH", category = "MATHEMATICAL", description = "The hyperbolic sine of a number.")
public class Sinh {
  @Udf
  public Double sinh(@UdfParameter("val") Double v) {
    return MathFunctions.apply(v, Math::sinh);
  }
}
