package io.rtdp.ksql.engine.function.builtin;

import io.rtdp.ksql.udf.Udf;
import io.rtdp.ksql.udf.UdfDescription;
import io.rtdp.ksql.udf.UdfParameter;
import java.nio.ByteBuffer;

@UdfDescription(name = "LEN", category = "STRING", description = "The length of a string in characters, or of bytes in bytes.")
public class Len {
  @Udf
  public Integer len(@UdfParameter("input") String s) {
    return s == null ? null : s.length();
  }

  @Udf
  public Integer len(@UdfParameter("input") ByteBuffer b) {
    return b == null ? null : b.capacity();
  }
}
