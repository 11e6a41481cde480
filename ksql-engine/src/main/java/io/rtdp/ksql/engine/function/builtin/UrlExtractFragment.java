package io.rtdp.ksql.engine.function.builtin;

import io.rtdp.ksql.udf.Udf;
import io.rtdp.ksql.udf.UdfDescription;
import io.rtdp.ksql.udf.UdfParameter;
import java.net.URI;

@UdfDescription(name = "URL_EXTRACT_FRAGMENT", category = "URL", description = "The decoded fragment of a URL, NULL if absent.")
public class UrlExtractFragment {
  @Udf
  public String urlExtractFragment(@UdfParameter("url") String url) {
    return Urls.extract(url, URI::getFragment);
  }
}
