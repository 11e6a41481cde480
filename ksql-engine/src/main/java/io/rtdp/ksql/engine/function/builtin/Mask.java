package io.rtdp.ksql.engine.function.builtin;

import io.rtdp.ksql.udf.Udf;
import io.rtdp.ksql.udf.UdfDescription;
import io.rtdp.ksql.udf.UdfParameter;

@UdfDescription(name = "MASK", category = "STRING", description = "Masks every letter, digit and other character.")
public class Mask {
  @Udf
  public String mask(@UdfParameter("input") String input) {
    return mask(input, Masking.UPPER, Masking.LOWER, Masking.DIGIT, Masking.OTHER);
  }

  @Udf
  public String mask(@UdfParameter("input") String input, @UdfParameter("upper") String upper,
      @UdfParameter("lower") String lower, @UdfParameter("digit") String digit, @UdfParameter("other") String other) {
    return Masking.mask(input, Masking.Range.ALL, 0, upper, lower, digit, other);
  }
}
