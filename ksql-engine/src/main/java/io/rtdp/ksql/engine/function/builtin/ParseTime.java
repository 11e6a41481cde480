package io.rtdp.ksql.engine.function.builtin;

import io.rtdp.ksql.udf.Udf;
import io.rtdp.ksql.udf.UdfDescription;
import io.rtdp.ksql.udf.UdfParameter;
import java.sql.Time;
import java.time.LocalTime;

@UdfDescription(name = "PARSE_TIME", category = "DATE / TIME", description = "Parses a string into a TIME.")
public class ParseTime {
  @Udf
  public Time parseTime(@UdfParameter("formattedTime") String text, @UdfParameter("formatPattern") String pattern) {
    return text == null || pattern == null ? null
        : new Time(LocalTime.parse(text, TimeFormats.formatter(pattern)).toNanoOfDay() / 1_000_000L);
  }
}
