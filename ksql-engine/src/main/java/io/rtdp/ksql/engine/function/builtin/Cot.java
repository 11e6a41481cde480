package io.rtdp.ksql.engine.function.builtin;

import io.rtdp.ksql.udf.Udf;
import io.rtdp.ksql.udf.UdfDescription;
import io.rtdp.ksql.udf.UdfParameter;

@UdfDescription(name = "COT", category = "MATHEMATICAL", description = "The cotangent of a number.")
public class Cot {
  @Udf
  public Double cot(@UdfParameter("val") Double v) {
    return MathFunctions.apply(v, x -> 1.0 / Math.tan(x));
  }
}
