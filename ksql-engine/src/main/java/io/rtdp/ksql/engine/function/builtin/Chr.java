package io.rtdp.ksql.engine.function.builtin;

import io.rtdp.ksql.udf.Udf;
import io.rtdp.ksql.udf.UdfDescription;
import io.rtdp.ksql.udf.UdfParameter;

@UdfDescription(name = "CHR", category = "STRING", description = "The character of a code point, given as a number or as '\\uXXXX'.")
public class Chr {
  @Udf
  public String chr(@UdfParameter("decimalCode") Integer code) {
    if (code == null || !Character.isValidCodePoint(code)) {
      return null;
    }
    return new String(Character.toChars(code));
  }

  @Udf
  public String chr(@UdfParameter("utf16Code") String code) {
    if (code == null || !code.startsWith("\\u") || code.length() != 6) {
      return null;
    }
    try {
      return String.valueOf((char) Integer.parseInt(code.substring(2), 16));
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
