package io.rtdp.ksql.engine.function.builtin;

import io.rtdp.ksql.udf.Udf;
import io.rtdp.ksql.udf.UdfDescription;
import io.rtdp.ksql.udf.UdfParameter;
import java.nio.ByteBuffer;

@UdfDescription(name = "UUID", category = "STRING", description = "A random UUID, or the UUID held in 16 bytes.")
public class Uuid {
  private static final int UUID_BYTES = 16;

  @Udf
  public String uuid() {
    return java.util.UUID.randomUUID().toString();
  }

  @Udf
  public String uuid(@UdfParameter("bytes") ByteBuffer bytes) {
    if (bytes == null || bytes.remaining() != UUID_BYTES) {
      return null;
    }
    ByteBuffer b = bytes.duplicate();
    return new java.util.UUID(b.getLong(), b.getLong()).toString();
  }
}
