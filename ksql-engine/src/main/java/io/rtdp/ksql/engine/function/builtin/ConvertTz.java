package io.rtdp.ksql.engine.function.builtin;

import io.rtdp.ksql.udf.Udf;
import io.rtdp.ksql.udf.UdfDescription;
import io.rtdp.ksql.udf.UdfParameter;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

@UdfDescription(name = "CONVERT_TZ", category = "DATE / TIME", description = "Shifts a TIMESTAMP's wall-clock time from one zone to another.")
public class ConvertTz {
  @Udf
  public Timestamp convertTz(@UdfParameter("timestamp") Timestamp ts, @UdfParameter("fromTz") String from,
      @UdfParameter("toTz") String to) {
    if (ts == null || from == null || to == null) {
      return null;
    }
    java.time.LocalDateTime wall = Instant.ofEpochMilli(ts.getTime()).atZone(ZoneOffset.UTC).toLocalDateTime();
    java.time.LocalDateTime shifted = wall.atZone(ZoneId.of(from)).withZoneSameInstant(ZoneId.of(to)).toLocalDateTime();
    return new Timestamp(shifted.toInstant(ZoneOffset.UTC).toEpochMilli());
  }
}
