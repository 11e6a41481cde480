package io.rtdp.ksql.engine.function.builtin;

import io.rtdp.ksql.udf.Udf;
import io.rtdp.ksql.udf.UdfDescription;
import io.rtdp.ksql.udf.UdfParameter;
import java.net.URI;

@UdfDescription(name = "URL_EXTRACT_HOST", category = "URL", description = "The host of a URL, NULL if absent.")
public class UrlExtractHost {
  @Udf
  public String urlExtractHost(@UdfParameter("url") String url) {
    return Urls.extract(url, URI::getHost);
  }
}
