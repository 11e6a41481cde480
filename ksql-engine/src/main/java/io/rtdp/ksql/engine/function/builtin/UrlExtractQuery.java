package io.rtdp.ksql.engine.function.builtin;

import io.rtdp.ksql.udf.Udf;
import io.rtdp.ksql.udf.UdfDescription;
import io.rtdp.ksql.udf.UdfParameter;
import java.net.URI;

@UdfDescription(name = "URL_EXTRACT_QUERY", category = "URL", description = "The decoded query of a URL, NULL if absent.")
public class UrlExtractQuery {
  @Udf
  public String urlExtractQuery(@UdfParameter("url") String url) {
    return Urls.extract(url, URI::getQuery);
  }
}
