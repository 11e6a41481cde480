package io.rtdp.ksql.engine.function.builtin;

import io.rtdp.ksql.engine.expression.Temporals;
import io.rtdp.ksql.udf.Udf;
import io.rtdp.ksql.udf.UdfDescription;
import io.rtdp.ksql.udf.UdfParameter;
import java.sql.Date;
import java.util.concurrent.TimeUnit;

@UdfDescription(name = "DATESUB", category = "DATE / TIME", description = "Subtracts a duration from a DATE.")
public class DateSub {
  @Udf
  public Date dateSub(@UdfParameter("unit") TimeUnit unit, @UdfParameter("interval") Integer interval,
      @UdfParameter("date") Date date) {
    return unit == null || interval == null || date == null ? null
        : Temporals.date(Temporals.epochDays(date) - unit.toDays(interval));
  }
}
