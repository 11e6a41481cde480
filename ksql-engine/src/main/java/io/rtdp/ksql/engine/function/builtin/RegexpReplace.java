package io.rtdp.ksql.engine.function.builtin;

import io.rtdp.ksql.udf.Udf;
import io.rtdp.ksql.udf.UdfDescription;
import io.rtdp.ksql.udf.UdfParameter;

@UdfDescription(name = "REGEXP_REPLACE", category = "REGULAR EXPRESSION", description = "Replaces every regex match.")
public class RegexpReplace {
  @Udf
  public String regexpReplace(@UdfParameter("input") String input, @UdfParameter("regex") String regex,
      @UdfParameter("replacement") String replacement) {
    return input == null || regex == null || replacement == null ? null : input.replaceAll(regex, replacement);
  }
}
