package io.rtdp.ksql.engine.function.builtin;

import io.rtdp.ksql.udf.Udf;
import io.rtdp.ksql.udf.UdfDescription;
import io.rtdp.ksql.udf.UdfParameter;

@UdfDescription(name = "URL_EXTRACT_PARAMETER", category = "URL",
    description = "The decoded value of the first query parameter with a name; empty for a name without value, NULL if absent.")
public class UrlExtractParameter {
  @Udf
  public String urlExtractParameter(@UdfParameter("url") String url, @UdfParameter("name") String name) {
    if (name == null) {
      return null;
    }
    return Urls.extract(url, uri -> valueOf(uri.getQuery(), name));
  }

  private static String valueOf(String query, String name) {
    if (query == null) {
      return null;
    }
    for (String param : query.split("&")) {
      int eq = param.indexOf('=');
      String key = eq < 0 ? param : param.substring(0, eq);
      if (key.equals(name)) {
        return eq < 0 ? "" : param.substring(eq + 1);
      }
    }
    return null;
  }
}
