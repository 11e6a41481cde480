package io.rtdp.ksql.engine.function.builtin;

import io.rtdp.ksql.udf.Udf;
import io.rtdp.ksql.udf.UdfDescription;
import io.rtdp.ksql.udf.UdfParameter;
import java.sql.Time;
import java.util.concurrent.TimeUnit;

@UdfDescription(name = "TIMEADD", category = "DATE / TIME", description = "Adds a duration to a TIME, wrapping around midnight.")
public class TimeAdd {
  @Udf
  public Time timeAdd(@UdfParameter("unit") TimeUnit unit, @UdfParameter("interval") Integer interval,
      @UdfParameter("time") Time time) {
    return unit == null || interval == null || time == null ? null
        : new Time(Math.floorMod(time.getTime() + unit.toMillis(interval), 86_400_000L));
  }
}
