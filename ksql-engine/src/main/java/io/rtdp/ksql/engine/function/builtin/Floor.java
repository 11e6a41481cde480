package io.rtdp.ksql.engine.function.builtin;

import io.rtdp.ksql.udf.Udf;
import io.rtdp.ksql.udf.UdfDescription;
import io.rtdp.ksql.udf.UdfParameter;
import java.math.BigDecimal;
import java.math.RoundingMode;

@UdfDescription(name = "FLOOR", category = "MATHEMATICAL", description = "The largest integer value not greater than the argument.")
public class Floor {
  @Udf
  public Integer floor(@UdfParameter("val") Integer v) {
    return v;
  }

  @Udf
  public Long floor(@UdfParameter("val") Long v) {
    return v;
  }

  @Udf
  public Double floor(@UdfParameter("val") Double v) {
    return v == null ? null : Math.floor(v);
  }

  @Udf
  public BigDecimal floor(@UdfParameter("val") BigDecimal v) {
    return v == null ? null : v.setScale(0, RoundingMode.FLOOR).setScale(v.scale(), RoundingMode.UNNECESSARY);
  }
}
