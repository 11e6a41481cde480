package io.rtdp.ksql.engine.function.builtin;

import io.rtdp.ksql.udf.Udf;
import io.rtdp.ksql.udf.UdfDescription;
import io.rtdp.ksql.udf.UdfParameter;

@UdfDescription(name = "SIN", category = "MATHEMATICAL", description = "The sine of a number.")
public class Sin {
  @Udf
  public Double sin(@UdfParameter("val") Double v) {
    return MathFunctions.apply(v, Math::sin);
  }
}
