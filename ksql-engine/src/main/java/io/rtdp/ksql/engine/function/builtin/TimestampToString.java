package io.rtdp.ksql.engine.function.builtin;

import io.rtdp.ksql.udf.Udf;
import io.rtdp.ksql.udf.UdfDescription;
import io.rtdp.ksql.udf.UdfParameter;
import java.time.ZoneId;
import java.time.ZoneOffset;

@UdfDescription(name = "TIMESTAMPTOSTRING", category = "DATE / TIME",
    description = "Formats epoch milliseconds with a DateTimeFormatter pattern (deprecated).")
public class TimestampToString {
  @Udf
  public String timestampToString(@UdfParameter("epochMilli") Long millis, @UdfParameter("formatPattern") String pattern) {
    return millis == null || pattern == null ? null : TimeFormats.formatMillis(millis, pattern, ZoneOffset.UTC);
  }

  @Udf
  public String timestampToString(@UdfParameter("epochMilli") Long millis, @UdfParameter("formatPattern") String pattern,
      @UdfParameter("timeZone") String zone) {
    return millis == null || pattern == null || zone == null ? null
        : TimeFormats.formatMillis(millis, pattern, ZoneId.of(zone));
  }
}
