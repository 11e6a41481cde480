package io.rtdp.ksql.engine.function.builtin;

import io.rtdp.ksql.udf.Udf;
import io.rtdp.ksql.udf.UdfDescription;
import io.rtdp.ksql.udf.UdfParameter;
import java.sql.Timestamp;
import java.time.ZoneId;
import java.time.ZoneOffset;

@UdfDescription(name = "FORMAT_TIMESTAMP", category = "DATE / TIME", description = "Formats a TIMESTAMP with a pattern.")
public class FormatTimestamp {
  @Udf
  public String formatTimestamp(@UdfParameter("timestamp") Timestamp ts, @UdfParameter("formatPattern") String pattern) {
    return ts == null || pattern == null ? null : TimeFormats.formatMillis(ts.getTime(), pattern, ZoneOffset.UTC);
  }

  @Udf
  public String formatTimestamp(@UdfParameter("timestamp") Timestamp ts, @UdfParameter("formatPattern") String pattern,
      @UdfParameter("timeZone") String zone) {
    return ts == null || pattern == null || zone == null ? null
        : TimeFormats.formatMillis(ts.getTime(), pattern, ZoneId.of(zone));
  }
}
