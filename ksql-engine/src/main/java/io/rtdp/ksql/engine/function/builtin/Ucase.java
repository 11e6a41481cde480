package io.rtdp.ksql.engine.function.builtin;

import io.rtdp.ksql.udf.Udf;
import io.rtdp.ksql.udf.UdfDescription;
import io.rtdp.ksql.udf.UdfParameter;
import java.util.Locale;

@UdfDescription(name = "UCASE", category = "STRING", description = "The string in upper case.")
public class Ucase {
  @Udf
  public String ucase(@UdfParameter("input") String s) {
    return s == null ? null : s.toUpperCase(Locale.ROOT);
  }
}
