package io.rtdp.ksql.engine.function.builtin;

import io.rtdp.ksql.udf.Udf;
import io.rtdp.ksql.udf.UdfDescription;
import io.rtdp.ksql.udf.UdfParameter;

@UdfDescription(name = "CONCAT", category = "STRING", description = "Concatenates strings; NULL arguments count as empty.")
public class Concat {
  @Udf
  public String concat(@UdfParameter("inputs") String... inputs) {
    StringBuilder b = new StringBuilder();
    for (String s : inputs) {
      if (s != null) {
        b.append(s);
      }
    }
    return b.toString();
  }
}
