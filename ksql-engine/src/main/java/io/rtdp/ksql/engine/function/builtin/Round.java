package io.rtdp.ksql.engine.function.builtin;

import io.rtdp.ksql.udf.Udf;
import io.rtdp.ksql.udf.UdfDescription;
import io.rtdp.ksql.udf.UdfParameter;
import java.math.BigDecimal;
import java.math.RoundingMode;

@UdfDescription(name = "ROUND", category = "MATHEMATICAL",
    description = "Rounds half-up (ties toward positive infinity), optionally to a number of decimal places.")
public class Round {
  @Udf
  public Long round(@UdfParameter("val") Integer v) {
    return v == null ? null : (long) v;
  }

  @Udf
  public Long round(@UdfParameter("val") Long v) {
    return v;
  }

  @Udf
  public Long round(@UdfParameter("val") Double v) {
    return v == null ? null : Math.round(v);
  }

  @Udf
  public Double round(@UdfParameter("val") Double v, @UdfParameter("decimalPlaces") Integer places) {
    if (v == null || places == null) {
      return null;
    }
    if (v.isNaN() || v.isInfinite()) {
      return v;
    }
    RoundingMode mode = v >= 0 ? RoundingMode.HALF_UP : RoundingMode.HALF_DOWN;
    return BigDecimal.valueOf(v).setScale(places, mode).doubleValue();
  }
}
