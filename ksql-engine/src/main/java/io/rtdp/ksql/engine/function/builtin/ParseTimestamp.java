package io.rtdp.ksql.engine.function.builtin;

import io.rtdp.ksql.udf.Udf;
import io.rtdp.ksql.udf.UdfDescription;
import io.rtdp.ksql.udf.UdfParameter;
import java.sql.Timestamp;
import java.time.ZoneId;
import java.time.ZoneOffset;

@UdfDescription(name = "PARSE_TIMESTAMP", category = "DATE / TIME", description = "Parses a string into a TIMESTAMP.")
public class ParseTimestamp {
  @Udf
  public Timestamp parseTimestamp(@UdfParameter("formattedTimestamp") String text,
      @UdfParameter("formatPattern") String pattern) {
    return text == null || pattern == null ? null
        : new Timestamp(TimeFormats.parseMillis(text, pattern, ZoneOffset.UTC));
  }

  @Udf
  public Timestamp parseTimestamp(@UdfParameter("formattedTimestamp") String text,
      @UdfParameter("formatPattern") String pattern, @UdfParameter("timeZone") String zone) {
    return text == null || pattern == null || zone == null ? null
        : new Timestamp(TimeFormats.parseMillis(text, pattern, ZoneId.of(zone)));
  }
}
