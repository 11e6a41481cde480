package io.rtdp.ksql.engine.function.builtin;

import io.rtdp.ksql.udf.Udf;
import io.rtdp.ksql.udf.UdfDescription;
import io.rtdp.ksql.udf.UdfParameter;
import java.util.StringJoiner;

@UdfDescription(name = "CONCAT_WS", category = "STRING", description = "Joins the non-NULL values with a separator.")
public class ConcatWs {
  @Udf
  public String concatWs(@UdfParameter("separator") String separator, @UdfParameter("args") String... args) {
    if (separator == null) {
      return null;
    }
    StringJoiner j = new StringJoiner(separator);
    for (String s : args) {
      if (s != null) {
        j.add(s);
      }
    }
    return j.toString();
  }
}
