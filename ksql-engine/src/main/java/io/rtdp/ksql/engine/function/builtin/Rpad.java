package io.rtdp.ksql.engine.function.builtin;

import io.rtdp.ksql.udf.Udf;
import io.rtdp.ksql.udf.UdfDescription;
import io.rtdp.ksql.udf.UdfParameter;

@UdfDescription(name = "RPAD", category = "STRING", description = "Pads a string on the right to a length.")
public class Rpad {
  @Udf
  public String rpad(@UdfParameter("input") String input, @UdfParameter("length") Integer length,
      @UdfParameter("padding") String padding) {
    return Pad.pad(input, length, padding, false);
  }
}
