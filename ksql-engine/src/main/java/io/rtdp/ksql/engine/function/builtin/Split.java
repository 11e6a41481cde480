package io.rtdp.ksql.engine.function.builtin;

import io.rtdp.ksql.udf.Udf;
import io.rtdp.ksql.udf.UdfDescription;
import io.rtdp.ksql.udf.UdfParameter;
import java.util.ArrayList;
import java.util.List;

@UdfDescription(name = "SPLIT", category = "STRING", description = "Splits a string on a literal delimiter.")
public class Split {
  @Udf
  public List<String> split(@UdfParameter("string") String s, @UdfParameter("delimiter") String delimiter) {
    if (s == null || delimiter == null) {
      return null;
    }
    List<String> out = new ArrayList<>();
    if (delimiter.isEmpty()) {
      s.codePoints().forEach(cp -> out.add(new String(Character.toChars(cp))));
      return out;
    }
    int start = 0;
    int at;
    while ((at = s.indexOf(delimiter, start)) >= 0) {
      out.add(s.substring(start, at));
      start = at + delimiter.length();
    }
    out.add(s.substring(start));
    return out;
  }

  @Udf
  public List<java.nio.ByteBuffer> split(@UdfParameter("bytes") java.nio.ByteBuffer bytes,
      @UdfParameter("delimiter") java.nio.ByteBuffer delimiter) {
    if (bytes == null || delimiter == null) {
      return null;
    }
    byte[] b = io.rtdp.ksql.engine.expression.Casts.bytes(bytes);
    byte[] d = io.rtdp.ksql.engine.expression.Casts.bytes(delimiter);
    List<java.nio.ByteBuffer> out = new ArrayList<>();
    if (d.length == 0) {
      for (byte x : b) {
        out.add(java.nio.ByteBuffer.wrap(new byte[] {x}));
      }
      return out;
    }
    int start = 0;
    for (int i = 0; i + d.length <= b.length; i++) {
      if (java.util.Arrays.equals(b, i, i + d.length, d, 0, d.length)) {
        out.add(java.nio.ByteBuffer.wrap(java.util.Arrays.copyOfRange(b, start, i)));
        start = i + d.length;
        i = start - 1;
      }
    }
    out.add(java.nio.ByteBuffer.wrap(java.util.Arrays.copyOfRange(b, start, b.length)));
    return out;
  }
}
