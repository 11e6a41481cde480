package io.rtdp.ksql.engine.function.builtin;

import io.rtdp.ksql.udf.Udf;
import io.rtdp.ksql.udf.UdfDescription;
import io.rtdp.ksql.udf.UdfParameter;

@UdfDescription(name = "SUBSTRING", category = "STRING",
    description = "Part of a string from a 1-based position (negative counts from the end), optionally of a length.")
public class Substring {
  @Udf
  public String substring(@UdfParameter("str") String s, @UdfParameter("pos") Integer pos) {
    if (s == null || pos == null) {
      return null;
    }
    int start = start(s.length(), pos);
    return s.substring(start);
  }

  @Udf
  public String substring(@UdfParameter("str") String s, @UdfParameter("pos") Integer pos,
      @UdfParameter("length") Integer length) {
    if (s == null || pos == null || length == null) {
      return null;
    }
    int start = start(s.length(), pos);
    int end = (int) Math.min(s.length(), (long) start + Math.max(length, 0));
    return s.substring(start, end);
  }

  private static int start(int len, int pos) {
    int p = pos > 0 ? pos - 1 : pos < 0 ? len + pos : 0;
    return Math.max(0, Math.min(p, len));
  }
}
