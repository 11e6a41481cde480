package io.rtdp.ksql.engine.function.builtin;

import io.rtdp.ksql.udf.Udf;
import io.rtdp.ksql.udf.UdfDescription;
import io.rtdp.ksql.udf.UdfParameter;

@UdfDescription(name = "MASK_KEEP_LEFT", category = "STRING", description = "Masks all but the first n characters.")
public class MaskKeepLeft {
  @Udf
  public String maskKeepLeft(@UdfParameter("input") String input, @UdfParameter("n") Integer n) {
    return maskKeepLeft(input, n, Masking.UPPER, Masking.LOWER, Masking.DIGIT, Masking.OTHER);
  }

  @Udf
  public String maskKeepLeft(@UdfParameter("input") String input, @UdfParameter("n") Integer n,
      @UdfParameter("upper") String upper, @UdfParameter("lower") String lower, @UdfParameter("digit") String digit,
      @UdfParameter("other") String other) {
    return Masking.mask(input, Masking.Range.KEEP_LEFT, n, upper, lower, digit, other);
  }
}
