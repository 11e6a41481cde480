package io.rtdp.ksql.engine.function.builtin;

import io.rtdp.ksql.udf.Udf;
import io.rtdp.ksql.udf.UdfDescription;
import io.rtdp.ksql.udf.UdfParameter;
import java.util.Arrays;
import java.util.List;

@UdfDescription(name = "REGEXP_SPLIT_TO_ARRAY", category = "REGULAR EXPRESSION", description = "Splits a string on a regex.")
public class RegexpSplitToArray {
  @Udf
  public List<String> regexpSplitToArray(@UdfParameter("string") String s, @UdfParameter("regexp") String regexp) {
    return s == null || regexp == null ? null : Arrays.asList(s.split(regexp, -1));
  }
}
