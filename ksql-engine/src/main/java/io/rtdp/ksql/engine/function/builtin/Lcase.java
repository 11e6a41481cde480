package io.rtdp.ksql.engine.function.builtin;

import io.rtdp.ksql.udf.Udf;
import io.rtdp.ksql.udf.UdfDescription;
import io.rtdp.ksql.udf.UdfParameter;
import java.util.Locale;

@UdfDescription(name = "LCASE", category = "STRING", description = "The string in lower case.")
public class Lcase {
  @Udf
  public String lcase(@UdfParameter("input") String s) {
    return s == null ? null : s.toLowerCase(Locale.ROOT);
  }
}
