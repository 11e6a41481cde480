package io.rtdp.ksql.engine.function.builtin;

import io.rtdp.ksql.udf.Udf;
import io.rtdp.ksql.udf.UdfDescription;
import io.rtdp.ksql.udf.UdfParameter;

@UdfDescription(name = "TRIM", category = "STRING", description = "The string without leading and trailing whitespace.")
public class Trim {
  @Udf
  public String trim(@UdfParameter("input") String s) {
    return s == null ? null : s.trim();
  }
}
