package io.rtdp.ksql.engine.function.builtin;

import io.rtdp.ksql.udf.Udf;
import io.rtdp.ksql.udf.UdfDescription;
import io.rtdp.ksql.udf.UdfParameter;

@UdfDescription(name = "IFNULL", category = "CONDITIONAL", description = "The alternative when the expression is NULL.")
public class IfNull {
  @Udf
  public <T> T ifNull(@UdfParameter("expression") T expression, @UdfParameter("altValue") T alt) {
    return expression == null ? alt : expression;
  }
}
