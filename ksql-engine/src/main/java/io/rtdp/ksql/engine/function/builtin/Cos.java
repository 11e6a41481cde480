package io.rtdp.ksql.engine.function.builtin;

import io.rtdp.ksql.udf.Udf;
import io.rtdp.ksql.udf.UdfDescription;
import io.rtdp.ksql.udf.UdfParameter;

@UdfDescription(name = "COS", category = "MATHEMATICAL", description = "The cosine of a number.")
public class Cos {
  @Udf
  public Double cos(@UdfParameter("val") Double v) {
    return MathFunctions.apply(v, Math::cos);
  }
}
