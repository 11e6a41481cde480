package io.rtdp.ksql.engine.function.builtin;

import io.rtdp.ksql.udf.Udf;
import io.rtdp.ksql.udf.UdfDescription;
import io.rtdp.ksql.udf.UdfParameter;
import java.nio.ByteBuffer;

@UdfDescription(name = "BIGINT_FROM_BYTES", category = "CONVERSIONS", description = "Reads a 8-byte number from bytes.")
public class BigintFromBytes {
  @Udf
  public Long bigintFromBytes(@UdfParameter("bytes") ByteBuffer bytes) {
    return bigintFromBytes(bytes, "BIG_ENDIAN");
  }

  @Udf
  public Long bigintFromBytes(@UdfParameter("bytes") ByteBuffer bytes, @UdfParameter("byteOrder") String order) {
    return bytes == null || order == null ? null : NumberFromBytes.read(bytes, order, 8, "BIGINT_FROM_BYTES").getLong();
  }
}
