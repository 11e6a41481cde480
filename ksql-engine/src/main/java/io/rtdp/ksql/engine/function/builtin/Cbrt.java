package io.rtdp.ksql.engine.function.builtin;

import io.rtdp.ksql.udf.Udf;
import io.rtdp.ksql.udf.UdfDescription;
import io.rtdp.ksql.udf.UdfParameter;

@UdfDescription(name = "CBRT", category = "MATHEMATICAL", description = "The cube root of a number.")
public class Cbrt {
  @Udf
  public Double cbrt(@UdfParameter("val") Double v) {
    return MathFunctions.apply(v, Math::cbrt);
  }
}
