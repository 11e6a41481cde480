package io.rtdp.ksql.engine.function.builtin;

import io.rtdp.ksql.udf.Udf;
import io.rtdp.ksql.udf.UdfDescription;
import io.rtdp.ksql.udf.UdfParameter;
import java.sql.Timestamp;

@UdfDescription(name = "FROM_UNIXTIME", category = "DATE / TIME", description = "Epoch milliseconds as a TIMESTAMP.")
public class FromUnixTime {
  @Udf
  public Timestamp fromUnixTime(@UdfParameter("epochMilli") Long millis) {
    return millis == null ? null : new Timestamp(millis);
  }
}
