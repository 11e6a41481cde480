package io.rtdp.ksql.engine.function.builtin;

import io.rtdp.ksql.engine.expression.Temporals;
import io.rtdp.ksql.udf.Udf;
import io.rtdp.ksql.udf.UdfDescription;
import io.rtdp.ksql.udf.UdfParameter;
import java.sql.Date;
import java.util.concurrent.TimeUnit;

@UdfDescription(name = "DATEADD", category = "DATE / TIME", description = "Adds a duration to a DATE.")
public class DateAdd {
  @Udf
  public Date dateAdd(@UdfParameter("unit") TimeUnit unit, @UdfParameter("interval") Integer interval,
      @UdfParameter("date") Date date) {
    return unit == null || interval == null || date == null ? null
        : Temporals.date(Temporals.epochDays(date) + unit.toDays(interval));
  }
}
