package io.rtdp.ksql.engine.function.builtin;

import io.rtdp.ksql.udf.Udf;
import io.rtdp.ksql.udf.UdfDescription;
import io.rtdp.ksql.udf.UdfParameter;
import java.sql.Timestamp;
import java.util.concurrent.TimeUnit;

@UdfDescription(name = "TIMESTAMPSUB", category = "DATE / TIME", description = "Subtracts a duration from a TIMESTAMP.")
public class TimestampSub {
  @Udf
  public Timestamp timestampSub(@UdfParameter("unit") TimeUnit unit, @UdfParameter("interval") Integer interval,
      @UdfParameter("timestamp") Timestamp ts) {
    return unit == null || interval == null || ts == null ? null : new Timestamp(ts.getTime() - unit.toMillis(interval));
  }
}
