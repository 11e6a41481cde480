package io.rtdp.ksql.engine.function.builtin;

import io.rtdp.ksql.udf.Udf;
import io.rtdp.ksql.udf.UdfDescription;
import io.rtdp.ksql.udf.UdfParameter;
import java.nio.ByteBuffer;

@UdfDescription(name = "INT_FROM_BYTES", category = "CONVERSIONS", description = "Reads a 4-byte number from bytes.")
public class IntFromBytes {
  @Udf
  public Integer intFromBytes(@UdfParameter("bytes") ByteBuffer bytes) {
    return intFromBytes(bytes, "BIG_ENDIAN");
  }

  @Udf
  public Integer intFromBytes(@UdfParameter("bytes") ByteBuffer bytes, @UdfParameter("byteOrder") String order) {
    return bytes == null || order == null ? null : NumberFromBytes.read(bytes, order, 4, "INT_FROM_BYTES").getInt();
  }
}
