package io.rtdp.ksql.engine.function.builtin;

import io.rtdp.ksql.udf.Udf;
import io.rtdp.ksql.udf.UdfDescription;
import io.rtdp.ksql.udf.UdfParameter;

@UdfDescription(name = "DEGREES", category = "MATHEMATICAL", description = "The radians converted to degrees of a number.")
public class Degrees {
  @Udf
  public Double degrees(@UdfParameter("val") Double v) {
    return MathFunctions.apply(v, Math::toDegrees);
  }
}
