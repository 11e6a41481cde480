package io.rtdp.ksql.engine.function.builtin;

import io.rtdp.ksql.engine.expression.Temporals;
import io.rtdp.ksql.udf.Udf;
import io.rtdp.ksql.udf.UdfDescription;
import io.rtdp.ksql.udf.UdfParameter;
import java.sql.Date;
import java.time.LocalDate;
import java.time.ZoneOffset;

@UdfDescription(name = "UNIX_DATE", category = "DATE / TIME", description = "Days since epoch of a DATE, or of today.")
public class UnixDate {
  @Udf
  public Integer unixDate() {
    return (int) LocalDate.now(ZoneOffset.UTC).toEpochDay();
  }

  @Udf
  public Integer unixDate(@UdfParameter("date") Date date) {
    return date == null ? null : (int) Temporals.epochDays(date);
  }
}
