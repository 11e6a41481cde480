package io.rtdp.ksql.engine.function.builtin;

import io.rtdp.ksql.udf.Udf;
import io.rtdp.ksql.udf.UdfDescription;
import io.rtdp.ksql.udf.UdfParameter;

@UdfDescription(name = "MASK_LEFT", category = "STRING", description = "Masks the first n characters.")
public class MaskLeft {
  @Udf
  public String maskLeft(@UdfParameter("input") String input, @UdfParameter("n") Integer n) {
    return maskLeft(input, n, Masking.UPPER, Masking.LOWER, Masking.DIGIT, Masking.OTHER);
  }

  @Udf
  public String maskLeft(@UdfParameter("input") String input, @UdfParameter("n") Integer n,
      @UdfParameter("upper") String upper, @UdfParameter("lower") String lower, @UdfParameter("digit") String digit,
      @UdfParameter("other") String other) {
    return Masking.mask(input, Masking.Range.LEFT, n, upper, lower, digit, other);
  }
}
