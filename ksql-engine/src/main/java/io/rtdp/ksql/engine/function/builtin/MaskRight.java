package io.rtdp.ksql.engine.function.builtin;

import io.rtdp.ksql.udf.Udf;
import io.rtdp.ksql.udf.UdfDescription;
import io.rtdp.ksql.udf.UdfParameter;

@UdfDescription(name = "MASK_RIGHT", category = "STRING", description = "Masks the last n characters.")
public class MaskRight {
  @Udf
  public String maskRight(@UdfParameter("input") String input, @UdfParameter("n") Integer n) {
    return maskRight(input, n, Masking.UPPER, Masking.LOWER, Masking.DIGIT, Masking.OTHER);
  }

  @Udf
  public String maskRight(@UdfParameter("input") String input, @UdfParameter("n") Integer n,
      @UdfParameter("upper") String upper, @UdfParameter("lower") String lower, @UdfParameter("digit") String digit,
      @UdfParameter("other") String other) {
    return Masking.mask(input, Masking.Range.RIGHT, n, upper, lower, digit, other);
  }
}
