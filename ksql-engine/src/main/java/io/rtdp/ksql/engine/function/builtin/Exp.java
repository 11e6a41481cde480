package io.rtdp.ksql.engine.function.builtin;

import io.rtdp.ksql.udf.Udf;
import io.rtdp.ksql.udf.UdfDescription;
import io.rtdp.ksql.udf.UdfParameter;

@UdfDescription(name = "EXP", category = "MATHEMATICAL", description = "The e raised to the power of a number.")
public class Exp {
  @Udf
  public Double exp(@UdfParameter("val") Double v) {
    return MathFunctions.apply(v, Math::exp);
  }
}
