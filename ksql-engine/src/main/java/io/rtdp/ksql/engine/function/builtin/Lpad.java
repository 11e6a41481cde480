package io.rtdp.ksql.engine.function.builtin;

import io.rtdp.ksql.udf.Udf;
import io.rtdp.ksql.udf.UdfDescription;
import io.rtdp.ksql.udf.UdfParameter;

@UdfDescription(name = "LPAD", category = "STRING", description = "Pads a string on the left to a length.")
public class Lpad {
  @Udf
  public String lpad(@UdfParameter("input") String input, @UdfParameter("length") Integer length,
      @UdfParameter("padding") String padding) {
    return Pad.pad(input, length, padding, true);
  }
}
