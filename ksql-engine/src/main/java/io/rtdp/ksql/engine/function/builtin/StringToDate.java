package io.rtdp.ksql.engine.function.builtin;

import io.rtdp.ksql.udf.Udf;
import io.rtdp.ksql.udf.UdfDescription;
import io.rtdp.ksql.udf.UdfParameter;
import java.time.LocalDate;

@UdfDescription(name = "STRINGTODATE", category = "DATE / TIME",
    description = "Parses a date string into days since epoch (deprecated).")
public class StringToDate {
  @Udf
  public Integer stringToDate(@UdfParameter("formattedDate") String text, @UdfParameter("formatPattern") String pattern) {
    return text == null || pattern == null ? null
        : (int) LocalDate.parse(text, TimeFormats.formatter(pattern)).toEpochDay();
  }
}
