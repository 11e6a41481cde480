package io.rtdp.ksql.engine.function.builtin;

import io.rtdp.ksql.udf.Udf;
import io.rtdp.ksql.udf.UdfDescription;
import io.rtdp.ksql.udf.UdfParameter;

@UdfDescription(name = "FIELD", category = "STRING", description = "The 1-based position of a string in the list, 0 when absent.")
public class Field {
  @Udf
  public Integer field(@UdfParameter("str") String str, @UdfParameter("args") String... args) {
    if (str == null) {
      return 0;
    }
    for (int i = 0; i < args.length; i++) {
      if (str.equals(args[i])) {
        return i + 1;
      }
    }
    return 0;
  }
}
