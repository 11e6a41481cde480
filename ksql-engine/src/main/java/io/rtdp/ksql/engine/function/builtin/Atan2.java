package io.rtdp.ksql.engine.function.builtin;

import io.rtdp.ksql.udf.Udf;
import io.rtdp.ksql.udf.UdfDescription;
import io.rtdp.ksql.udf.UdfParameter;

@UdfDescription(name = "ATAN2", category = "MATHEMATICAL", description = "The angle, in radians, of the point (x, y).")
public class Atan2 {
  @Udf
  public Double atan2(@UdfParameter("y") Double y, @UdfParameter("x") Double x) {
    return y == null || x == null ? null : Math.atan2(y, x);
  }
}
