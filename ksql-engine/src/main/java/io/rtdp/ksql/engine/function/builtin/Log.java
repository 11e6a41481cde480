package io.rtdp.ksql.engine.function.builtin;

import io.rtdp.ksql.udf.Udf;
import io.rtdp.ksql.udf.UdfDescription;
import io.rtdp.ksql.udf.UdfParameter;

@UdfDescription(name = "LOG", category = "MATHEMATICAL", description = "Logarithm: base 10, or of a given base.")
public class Log {
  @Udf
  public Double log(@UdfParameter("value") Double v) {
    return v == null ? null : Math.log10(v);
  }

  @Udf
  public Double log(@UdfParameter("base") Double base, @UdfParameter("value") Double v) {
    return base == null || v == null ? null : Math.log(v) / Math.log(base);
  }
}
