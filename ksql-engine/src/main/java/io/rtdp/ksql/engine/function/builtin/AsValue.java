package io.rtdp.ksql.engine.function.builtin;

import io.rtdp.ksql.udf.Udf;
import io.rtdp.ksql.udf.UdfDescription;
import io.rtdp.ksql.udf.UdfParameter;

@UdfDescription(name = "AS_VALUE", category = "OTHER", description = "Copies a key column into the value.")
public class AsValue {
  @Udf
  public <T> T asValue(@UdfParameter("keyColumn") T keyColumn) {
    return keyColumn;
  }
}
