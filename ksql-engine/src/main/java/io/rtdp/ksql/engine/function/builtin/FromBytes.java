package io.rtdp.ksql.engine.function.builtin;

import io.rtdp.ksql.engine.expression.Casts;
import io.rtdp.ksql.udf.Udf;
import io.rtdp.ksql.udf.UdfDescription;
import io.rtdp.ksql.udf.UdfParameter;
import java.nio.ByteBuffer;

@UdfDescription(name = "FROM_BYTES", category = "CONVERSIONS", description = "Bytes encoded as hex, utf8, ascii or base64 text.")
public class FromBytes {
  @Udf
  public String fromBytes(@UdfParameter("bytes") ByteBuffer bytes, @UdfParameter("encoding") String encoding) {
    return bytes == null || encoding == null ? null : Encodings.encode(Casts.bytes(bytes), encoding);
  }
}
