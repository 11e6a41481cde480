package io.rtdp.ksql.engine.function.builtin;

import io.rtdp.ksql.udf.Udf;
import io.rtdp.ksql.udf.UdfDescription;
import io.rtdp.ksql.udf.UdfParameter;
import java.nio.ByteBuffer;

@UdfDescription(name = "TO_BYTES", category = "CONVERSIONS", description = "A string decoded with hex, utf8, ascii or base64.")
public class ToBytes {
  @Udf
  public ByteBuffer toBytes(@UdfParameter("str") String str, @UdfParameter("encoding") String encoding) {
    return str == null || encoding == null ? null : ByteBuffer.wrap(Encodings.decode(str, encoding));
  }
}
