package io.rtdp.ksql.engine.function.builtin;

import io.rtdp.ksql.udf.Udf;
import io.rtdp.ksql.udf.UdfDescription;
import io.rtdp.ksql.udf.UdfParameter;

@UdfDescription(name = "COALESCE", category = "CONDITIONAL", description = "The first non-NULL argument.")
public class Coalesce {
  @Udf
  public <T> T coalesce(@UdfParameter("first") T first, @UdfParameter("others") T... others) {
    if (first != null) {
      return first;
    }
    for (T t : others) {
      if (t != null) {
        return t;
      }
    }
    return null;
  }
}
