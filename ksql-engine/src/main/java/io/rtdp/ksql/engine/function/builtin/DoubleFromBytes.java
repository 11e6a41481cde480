package io.rtdp.ksql.engine.function.builtin;

import io.rtdp.ksql.udf.Udf;
import io.rtdp.ksql.udf.UdfDescription;
import io.rtdp.ksql.udf.UdfParameter;
import java.nio.ByteBuffer;

@UdfDescription(name = "DOUBLE_FROM_BYTES", category = "CONVERSIONS", description = "Reads a 8-byte number from bytes.")
public class DoubleFromBytes {
  @Udf
  public Double doubleFromBytes(@UdfParameter("bytes") ByteBuffer bytes) {
    return doubleFromBytes(bytes, "BIG_ENDIAN");
  }

  @Udf
  public Double doubleFromBytes(@UdfParameter("bytes") ByteBuffer bytes, @UdfParameter("byteOrder") String order) {
    return bytes == null || order == null ? null : NumberFromBytes.read(bytes, order, 8, "DOUBLE_FROM_BYTES").getDouble();
  }
}
