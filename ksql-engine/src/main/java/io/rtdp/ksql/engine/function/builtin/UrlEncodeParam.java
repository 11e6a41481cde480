package io.rtdp.ksql.engine.function.builtin;

import io.rtdp.ksql.udf.Udf;
import io.rtdp.ksql.udf.UdfDescription;
import io.rtdp.ksql.udf.UdfParameter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

@UdfDescription(name = "URL_ENCODE_PARAM", category = "URL", description = "Escapes a string as an application/x-www-form-urlencoded value.")
public class UrlEncodeParam {
  @Udf
  public String urlEncodeParam(@UdfParameter("input") String input) {
    return input == null ? null : URLEncoder.encode(input, StandardCharsets.UTF_8);
  }
}
