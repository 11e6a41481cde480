package io.rtdp.ksql.engine.function.builtin;

import io.rtdp.ksql.udf.Udf;
import io.rtdp.ksql.udf.UdfDescription;
import io.rtdp.ksql.udf.UdfParameter;
import java.math.BigDecimal;
import java.math.RoundingMode;

@UdfDescription(name = "TRUNC", category = "MATHEMATICAL", description = "Truncates toward zero, optionally to decimal places.")
public class Trunc {
  @Udf
  public Long trunc(@UdfParameter("val") Integer v) {
    return v == null ? null : (long) v;
  }

  @Udf
  public Long trunc(@UdfParameter("val") Long v) {
    return v;
  }

  @Udf
  public Long trunc(@UdfParameter("val") Double v) {
    return v == null ? null : (long) (double) v;
  }

  @Udf
  public Double trunc(@UdfParameter("val") Double v, @UdfParameter("decimalPlaces") Integer places) {
    if (v == null || places == null) {
      return null;
    }
    return BigDecimal.valueOf(v).setScale(places, RoundingMode.DOWN).doubleValue();
  }
}
