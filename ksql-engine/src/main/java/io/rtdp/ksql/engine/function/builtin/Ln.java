package io.rtdp.ksql.engine.function.builtin;

import io.rtdp.ksql.udf.Udf;
import io.rtdp.ksql.udf.UdfDescription;
import io.rtdp.ksql.udf.UdfParameter;

@UdfDescription(name = "LN", category = "MATHEMATICAL", description = "The natural logarithm of a number.")
public class Ln {
  @Udf
  public Double ln(@UdfParameter("val") Double v) {
    return MathFunctions.apply(v, Math::log);
  }
}
