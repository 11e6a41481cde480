package io.rtdp.ksql.engine.function.builtin;

import io.rtdp.ksql.udf.Udf;
import io.rtdp.ksql.udf.UdfDescription;
import io.rtdp.ksql.udf.UdfParameter;

@UdfDescription(name = "URL_EXTRACT_PORT", category = "URL", description = "The port of a URL, NULL if absent.")
public class UrlExtractPort {
  @Udf
  public Integer urlExtractPort(@UdfParameter("url") String url) {
    return Urls.extract(url, uri -> uri.getPort() < 0 ? null : uri.getPort());
  }
}
