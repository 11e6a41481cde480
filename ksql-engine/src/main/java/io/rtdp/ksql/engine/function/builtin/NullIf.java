package io.rtdp.ksql.engine.function.builtin;

import io.rtdp.ksql.udf.Udf;
import io.rtdp.ksql.udf.UdfDescription;
import io.rtdp.ksql.udf.UdfParameter;
import java.util.Objects;

@UdfDescription(name = "NULLIF", category = "CONDITIONAL", description = "NULL when both arguments are equal, else the first.")
public class NullIf {
  @Udf
  public <T> T nullIf(@UdfParameter("expression1") T a, @UdfParameter("expression2") T b) {
    return Objects.equals(a, b) ? null : a;
  }
}
