package io.rtdp.ksql.engine.function.builtin;

import io.rtdp.ksql.udf.Udf;
import io.rtdp.ksql.udf.UdfDescription;
import io.rtdp.ksql.udf.UdfParameter;

@UdfDescription(name = "SQRT", category = "MATHEMATICAL", description = "The square root of a number.")
public class Sqrt {
  @Udf
  public Double sqrt(@UdfParameter("val") Double v) {
    return v == null ? null : Math.sqrt(v);
  }
}
