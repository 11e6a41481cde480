package io.rtdp.ksql.engine.function.builtin;

import io.rtdp.ksql.udf.Udf;
import io.rtdp.ksql.udf.UdfDescription;
import io.rtdp.ksql.udf.UdfParameter;
import java.sql.Timestamp;

@UdfDescription(name = "UNIX_TIMESTAMP", category = "DATE / TIME", description = "Epoch milliseconds of a TIMESTAMP, or now.")
public class UnixTimestamp {
  @Udf
  public Long unixTimestamp() {
    return System.currentTimeMillis();
  }

  @Udf
  public Long unixTimestamp(@UdfParameter("timestamp") Timestamp ts) {
    return ts == null ? null : ts.getTime();
  }
}
