package io.rtdp.ksql.engine.function.builtin;

import io.rtdp.ksql.udf.Udf;
import io.rtdp.ksql.udf.UdfDescription;
import io.rtdp.ksql.udf.UdfParameter;

@UdfDescription(name = "ENCODE", category = "STRING", description = "Re-encodes a string between hex, utf8, ascii and base64.")
public class Encode {
  @Udf
  public String encode(@UdfParameter("str") String str, @UdfParameter("inputEncoding") String in,
      @UdfParameter("outputEncoding") String out) {
    return str == null || in == null || out == null ? null : Encodings.encode(Encodings.decode(str, in), out);
  }
}
