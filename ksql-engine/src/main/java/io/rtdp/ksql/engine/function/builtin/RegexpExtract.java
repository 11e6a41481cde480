package io.rtdp.ksql.engine.function.builtin;

import io.rtdp.ksql.udf.Udf;
import io.rtdp.ksql.udf.UdfDescription;
import io.rtdp.ksql.udf.UdfParameter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

@UdfDescription(name = "REGEXP_EXTRACT", category = "REGULAR EXPRESSION", description = "The first match of a regex, or of one of its groups.")
public class RegexpExtract {
  @Udf
  public String regexpExtract(@UdfParameter("pattern") String pattern, @UdfParameter("input") String input) {
    return regexpExtract(pattern, input, 0);
  }

  @Udf
  public String regexpExtract(@UdfParameter("pattern") String pattern, @UdfParameter("input") String input,
      @UdfParameter("group") Integer group) {
    if (pattern == null || input == null || group == null) {
      return null;
    }
    Matcher m = Pattern.compile(pattern).matcher(input);
    return m.find() && group <= m.groupCount() ? m.group(group) : null;
  }
}
