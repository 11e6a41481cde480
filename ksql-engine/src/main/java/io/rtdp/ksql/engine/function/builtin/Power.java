package io.rtdp.ksql.engine.function.builtin;

import io.rtdp.ksql.udf.Udf;
import io.rtdp.ksql.udf.UdfDescription;
import io.rtdp.ksql.udf.UdfParameter;

@UdfDescription(name = "POWER", category = "MATHEMATICAL", description = "base raised to the power of exp.")
public class Power {
  @Udf
  public Double power(@UdfParameter("base") Double base, @UdfParameter("exp") Double exp) {
    return base == null || exp == null ? null : Math.pow(base, exp);
  }
}
