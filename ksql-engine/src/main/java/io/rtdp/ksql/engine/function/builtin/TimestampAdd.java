package io.rtdp.ksql.engine.function.builtin;

import io.rtdp.ksql.udf.Udf;
import io.rtdp.ksql.udf.UdfDescription;
import io.rtdp.ksql.udf.UdfParameter;
import java.sql.Timestamp;
import java.util.concurrent.TimeUnit;

@UdfDescription(name = "TIMESTAMPADD", category = "DATE / TIME", description = "Adds a duration to a TIMESTAMP.")
public class TimestampAdd {
  @Udf
  public Timestamp timestampAdd(@UdfParameter("unit") TimeUnit unit, @UdfParameter("interval") Integer interval,
      @UdfParameter("timestamp") Timestamp ts) {
    return unit == null || interval == null || ts == null ? null : new Timestamp(ts.getTime() + unit.toMillis(interval));
  }
}
