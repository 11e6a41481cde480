package io.rtdp.ksql.engine.function.builtin;

import io.rtdp.ksql.udf.Udf;
import io.rtdp.ksql.udf.UdfDescription;
import io.rtdp.ksql.udf.UdfParameter;

@UdfDescription(name = "REPLACE", category = "STRING", description = "Replaces all literal occurrences of a substring.")
public class Replace {
  @Udf
  public String replace(@UdfParameter("str") String s, @UdfParameter("substring") String target,
      @UdfParameter("replacement") String replacement) {
    return s == null || target == null || replacement == null ? null : s.replace(target, replacement);
  }
}
