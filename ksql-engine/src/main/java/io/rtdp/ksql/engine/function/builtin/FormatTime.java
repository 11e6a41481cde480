package io.rtdp.ksql.engine.function.builtin;

import io.rtdp.ksql.udf.Udf;
import io.rtdp.ksql.udf.UdfDescription;
import io.rtdp.ksql.udf.UdfParameter;
import java.sql.Time;
import java.time.LocalTime;

@UdfDescription(name = "FORMAT_TIME", category = "DATE / TIME", description = "Formats a TIME with a pattern.")
public class FormatTime {
  @Udf
  public String formatTime(@UdfParameter("time") Time time, @UdfParameter("formatPattern") String pattern) {
    return time == null || pattern == null ? null
        : LocalTime.ofNanoOfDay(time.getTime() * 1_000_000L).format(TimeFormats.formatter(pattern));
  }
}
