package io.rtdp.ksql.engine.function.builtin;

import io.rtdp.ksql.udf.Udf;
import io.rtdp.ksql.udf.UdfDescription;
import io.rtdp.ksql.udf.UdfParameter;
import java.net.URI;

@UdfDescription(name = "URL_EXTRACT_PATH", category = "URL", description = "The decoded path of a URL.")
public class UrlExtractPath {
  @Udf
  public String urlExtractPath(@UdfParameter("url") String url) {
    return Urls.extract(url, URI::getPath);
  }
}
