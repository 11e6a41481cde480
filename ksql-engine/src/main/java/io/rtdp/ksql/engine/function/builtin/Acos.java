package io.rtdp.ksql.engine.function.builtin;

import io.rtdp.ksql.udf.Udf;
import io.rtdp.ksql.udf.UdfDescription;
import io.rtdp.ksql.udf.UdfParameter;

@UdfDescription(name = "ACOS", category = "MATHEMATICAL", description = "The arc cosine of a number.")
public class Acos {
  @Udf
  public Double acos(@UdfParameter("val") Double v) {
    return MathFunctions.apply(v, Math::acos);
  }
}
