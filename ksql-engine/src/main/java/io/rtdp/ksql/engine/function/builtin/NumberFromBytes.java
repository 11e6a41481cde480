package io.rtdp.ksql.engine.function.builtin;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Locale;

/** Shared by INT/BIGINT/DOUBLE_FROM_BYTES: a fixed-width number, big endian unless told otherwise. */
final class NumberFromBytes {
  private NumberFromBytes() {}

  static ByteBuffer read(ByteBuffer bytes, String order, int width, String type) {
    ByteBuffer b = bytes.duplicate();
    b.rewind();
    if (b.remaining() != width) {
      throw new IllegalArgumentException("Number of bytes must be equal to " + width + ", but found " + b.remaining());
    }
    return b.order(switch (order.toUpperCase(Locale.ROOT)) {
      case "BIG_ENDIAN" -> ByteOrder.BIG_ENDIAN;
      case "LITTLE_ENDIAN" -> ByteOrder.LITTLE_ENDIAN;
      default -> throw new IllegalArgumentException("Byte order must be BIG_ENDIAN or LITTLE_ENDIAN to read " + type);
    });
  }
}
