package io.rtdp.ksql.engine.function.builtin;

import io.rtdp.ksql.udf.Udf;
import io.rtdp.ksql.udf.UdfDescription;
import io.rtdp.ksql.udf.UdfParameter;
import java.time.LocalDate;

@UdfDescription(name = "DATETOSTRING", category = "DATE / TIME", description = "Formats days since epoch (deprecated).")
public class DateToString {
  @Udf
  public String dateToString(@UdfParameter("epochDays") Integer days, @UdfParameter("formatPattern") String pattern) {
    return days == null || pattern == null ? null : LocalDate.ofEpochDay(days).format(TimeFormats.formatter(pattern));
  }
}
