package io.rtdp.ksql.engine.function.builtin;

import io.rtdp.ksql.udf.Udf;
import io.rtdp.ksql.udf.UdfDescription;
import io.rtdp.ksql.udf.UdfParameter;
import java.net.URI;

@UdfDescription(name = "URL_EXTRACT_PROTOCOL", category = "URL", description = "The scheme of a URL, NULL if absent.")
public class UrlExtractProtocol {
  @Udf
  public String urlExtractProtocol(@UdfParameter("url") String url) {
    return Urls.extract(url, URI::getScheme);
  }
}
