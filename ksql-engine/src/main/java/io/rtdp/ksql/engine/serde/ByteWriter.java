package io.rtdp.ksql.engine.serde;

import java.util.Arrays;

/**
 * A growing byte array written in the layout of {@link java.io.DataOutputStream} (big-endian), so
 * that records written before keep decoding. Not DataOutputStream itself: it writes an int as four
 * calls into ByteArrayOutputStream's synchronized methods, and the engine encodes every state-store
 * update of every aggregate.
 */
final class ByteWriter {
  private byte[] buffer = new byte[64];
  private int size;

  void writeByte(int b) {
    ensure(1);
    buffer[size++] = (byte) b;
  }

  void writeInt(int v) {
    ensure(4);
    buffer[size++] = (byte) (v >>> 24);
    buffer[size++] = (byte) (v >>> 16);
    buffer[size++] = (byte) (v >>> 8);
    buffer[size++] = (byte) v;
  }

  void writeLong(long v) {
    writeInt((int) (v >>> 32));
    writeInt((int) v);
  }

  /** The length as an int, then the bytes. */
  void writeSized(byte[] bytes) {
    writeInt(bytes.length);
    ensure(bytes.length);
    System.arraycopy(bytes, 0, buffer, size, bytes.length);
    size += bytes.length;
  }

  byte[] toByteArray() {
    return Arrays.copyOf(buffer, size);
  }

  private void ensure(int more) {
    if (size + more > buffer.length) {
      buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + more));
    }
  }
}
