package io.rtdp.ksql.engine.function.builtin;

import io.rtdp.ksql.udf.Udf;
import io.rtdp.ksql.udf.UdfDescription;
import io.rtdp.ksql.udf.UdfParameter;

@UdfDescription(name = "INSTR", category = "STRING",
    description = "1-based position of the n-th occurrence of a substring, 0 if absent; a negative position searches backwards.")
public class Instr {
  @Udf
  public Integer instr(@UdfParameter("str") String str, @UdfParameter("substring") String sub) {
    return instr(str, sub, 1, 1);
  }

  @Udf
  public Integer instr(@UdfParameter("str") String str, @UdfParameter("substring") String sub,
      @UdfParameter("position") Integer position) {
    return instr(str, sub, position, 1);
  }

  @Udf
  public Integer instr(@UdfParameter("str") String str, @UdfParameter("substring") String sub,
      @UdfParameter("position") Integer position, @UdfParameter("occurrence") Integer occurrence) {
    if (str == null || sub == null || position == null || occurrence == null) {
      return null;
    }
    if (position > 0) {
      int at = position - 1 - 1;
      for (int n = 0; n < occurrence; n++) {
        at = str.indexOf(sub, at + 1);
        if (at < 0) {
          return 0;
        }
      }
      return at + 1;
    }
    int at = str.length() + position + 1;
    for (int n = 0; n < occurrence; n++) {
      at = str.lastIndexOf(sub, at - 1);
      if (at < 0) {
        return 0;
      }
    }
    return at + 1;
  }
}
