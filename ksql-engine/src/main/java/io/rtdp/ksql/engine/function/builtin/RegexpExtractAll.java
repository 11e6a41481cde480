package io.rtdp.ksql.engine.function.builtin;

import io.rtdp.ksql.udf.Udf;
import io.rtdp.ksql.udf.UdfDescription;
import io.rtdp.ksql.udf.UdfParameter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

@UdfDescription(name = "REGEXP_EXTRACT_ALL", category = "REGULAR EXPRESSION", description = "Every match of a regex, or of one of its groups.")
public class RegexpExtractAll {
  @Udf
  public List<String> regexpExtractAll(@UdfParameter("pattern") String pattern, @UdfParameter("input") String input) {
    return regexpExtractAll(pattern, input, 0);
  }

  @Udf
  public List<String> regexpExtractAll(@UdfParameter("pattern") String pattern, @UdfParameter("input") String input,
      @UdfParameter("group") Integer group) {
    if (pattern == null || input == null || group == null) {
      return null;
    }
    Matcher m = Pattern.compile(pattern).matcher(input);
    if (group > m.groupCount()) {
      return null;
    }
    List<String> out = new ArrayList<>();
    while (m.find()) {
      out.add(m.group(group));
    }
    return out;
  }
}
