package io.rtdp.ksql.engine.function.builtin;

import io.rtdp.ksql.udf.Udf;
import io.rtdp.ksql.udf.UdfDescription;
import io.rtdp.ksql.udf.UdfParameter;

@UdfDescription(name = "INITCAP", category = "STRING", description = "Capitalizes the first letter of each word, the rest lower case.")
public class Initcap {
  @Udf
  public String initcap(@UdfParameter("input") String s) {
    if (s == null) {
      return null;
    }
    StringBuilder b = new StringBuilder(s.length());
    boolean wordStart = true;
    for (char c : s.toCharArray()) {
      b.append(wordStart ? Character.toUpperCase(c) : Character.toLowerCase(c));
      wordStart = Character.isWhitespace(c);
    }
    return b.toString();
  }
}
