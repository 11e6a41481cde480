package io.rtdp.ksql.engine.function.builtin;

import io.rtdp.ksql.udf.Udf;
import io.rtdp.ksql.udf.UdfDescription;
import io.rtdp.ksql.udf.UdfParameter;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

@UdfDescription(name = "URL_DECODE_PARAM", category = "URL", description = "Unescapes an application/x-www-form-urlencoded value.")
public class UrlDecodeParam {
  @Udf
  public String urlDecodeParam(@UdfParameter("input") String input) {
    return input == null ? null : URLDecoder.decode(input, StandardCharsets.UTF_8);
  }
}
