package io.rtdp.ksql.engine.function.builtin;

import io.rtdp.ksql.udf.Udf;
import io.rtdp.ksql.udf.UdfDescription;
import io.rtdp.ksql.udf.UdfParameter;

@UdfDescription(name = "ASIN", category = "MATHEMATICAL", description = "The arc sine of a number.")
public class Asin {
  @Udf
  public Double asin(@UdfParameter("val") Double v) {
    return MathFunctions.apply(v, Math::asin);
  }
}
