package io.rtdp.ksql.engine.function.builtin;

import io.rtdp.ksql.udf.Udf;
import io.rtdp.ksql.udf.UdfDescription;
import io.rtdp.ksql.udf.UdfParameter;
import java.time.ZoneId;
import java.time.ZoneOffset;

@UdfDescription(name = "STRINGTOTIMESTAMP", category = "DATE / TIME",
    description = "Parses a string with a DateTimeFormatter pattern into epoch milliseconds (deprecated).")
public class StringToTimestamp {
  @Udf
  public Long stringToTimestamp(@UdfParameter("formattedTimestamp") String text,
      @UdfParameter("formatPattern") String pattern) {
    return text == null || pattern == null ? null : TimeFormats.parseMillis(text, pattern, ZoneOffset.UTC);
  }

  @Udf
  public Long stringToTimestamp(@UdfParameter("formattedTimestamp") String text,
      @UdfParameter("formatPattern") String pattern, @UdfParameter("timeZone") String zone) {
    return text == null || pattern == null || zone == null ? null
        : TimeFormats.parseMillis(text, pattern, ZoneId.of(zone));
  }
}
