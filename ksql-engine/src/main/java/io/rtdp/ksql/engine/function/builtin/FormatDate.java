package io.rtdp.ksql.engine.function.builtin;

import io.rtdp.ksql.engine.expression.Temporals;
import io.rtdp.ksql.udf.Udf;
import io.rtdp.ksql.udf.UdfDescription;
import io.rtdp.ksql.udf.UdfParameter;
import java.sql.Date;
import java.time.LocalDate;

@UdfDescription(name = "FORMAT_DATE", category = "DATE / TIME", description = "Formats a DATE with a pattern.")
public class FormatDate {
  @Udf
  public String formatDate(@UdfParameter("date") Date date, @UdfParameter("formatPattern") String pattern) {
    return date == null || pattern == null ? null
        : LocalDate.ofEpochDay(Temporals.epochDays(date)).format(TimeFormats.formatter(pattern));
  }
}
