package io.rtdp.ksql.engine.function.builtin;

import io.rtdp.ksql.udf.Udf;
import io.rtdp.ksql.udf.UdfDescription;
import io.rtdp.ksql.udf.UdfParameter;

@UdfDescription(name = "SIGN", category = "MATHEMATICAL", description = "-1, 0 or 1 by the sign of a number.")
public class Sign {
  @Udf
  public Integer sign(@UdfParameter("val") Double v) {
    return v == null ? null : (int) Math.signum(v);
  }
}
