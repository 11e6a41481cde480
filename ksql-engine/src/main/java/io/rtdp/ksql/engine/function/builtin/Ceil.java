package io.rtdp.ksql.engine.function.builtin;

import io.rtdp.ksql.udf.Udf;
import io.rtdp.ksql.udf.UdfDescription;
import io.rtdp.ksql.udf.UdfParameter;
import java.math.BigDecimal;
import java.math.RoundingMode;

@UdfDescription(name = "CEIL", category = "MATHEMATICAL", description = "The smallest integer value not less than the argument.")
public class Ceil {
  @Udf
  public Integer ceil(@UdfParameter("val") Integer v) {
    return v;
  }

  @Udf
  public Long ceil(@UdfParameter("val") Long v) {
    return v;
  }

  @Udf
  public Double ceil(@UdfParameter("val") Double v) {
    return v == null ? null : Math.ceil(v);
  }

  @Udf
  public BigDecimal ceil(@UdfParameter("val") BigDecimal v) {
    return v == null ? null : v.setScale(0, RoundingMode.CEILING).setScale(v.scale(), RoundingMode.UNNECESSARY);
  }
}
