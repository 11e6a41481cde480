package io.rtdp.ksql.engine.function.builtin;

import io.rtdp.ksql.udf.Udf;
import io.rtdp.ksql.udf.UdfDescription;
import io.rtdp.ksql.udf.UdfParameter;
import java.math.BigDecimal;

@UdfDescription(name = "ABS", category = "MATHEMATICAL", description = "The absolute value of a number.")
public class Abs {
  @Udf
  public Integer abs(@UdfParameter("val") Integer v) {
    return v == null ? null : Math.abs(v);
  }

  @Udf
  public Long abs(@UdfParameter("val") Long v) {
    return v == null ? null : Math.abs(v);
  }

  @Udf
  public Double abs(@UdfParameter("val") Double v) {
    return v == null ? null : Math.abs(v);
  }

  @Udf
  public BigDecimal abs(@UdfParameter("val") BigDecimal v) {
    return v == null ? null : v.abs();
  }
}
