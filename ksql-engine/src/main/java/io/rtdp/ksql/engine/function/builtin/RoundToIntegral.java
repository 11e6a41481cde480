package io.rtdp.ksql.engine.function.builtin;

import io.rtdp.ksql.udf.Udf;
import io.rtdp.ksql.udf.UdfParameter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.function.DoubleUnaryOperator;

/**
 * CEIL and FLOOR: the same overloads, rounding in one direction. Integers are already integral;
 * a DECIMAL keeps its scale so that its SQL type does not change.
 * Public because the registry's reflection calls these inherited methods on the subclasses.
 */
public abstract class RoundToIntegral {
  private final RoundingMode mode;
  private final DoubleUnaryOperator onDouble;

  RoundToIntegral(RoundingMode mode, DoubleUnaryOperator onDouble) {
    this.mode = mode;
    this.onDouble = onDouble;
  }

  @Udf
  public Integer round(@UdfParameter("val") Integer v) {
    return v;
  }

  @Udf
  public Long round(@UdfParameter("val") Long v) {
    return v;
  }

  @Udf
  public Double round(@UdfParameter("val") Double v) {
    return v == null ? null : onDouble.applyAsDouble(v);
  }

  @Udf
  public BigDecimal round(@UdfParameter("val") BigDecimal v) {
    return v == null ? null : v.setScale(0, mode).setScale(v.scale(), RoundingMode.UNNECESSARY);
  }
}
