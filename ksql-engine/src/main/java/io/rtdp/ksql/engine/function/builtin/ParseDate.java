package io.rtdp.ksql.engine.function.builtin;

import io.rtdp.ksql.engine.expression.Temporals;
import io.rtdp.ksql.udf.Udf;
import io.rtdp.ksql.udf.UdfDescription;
import io.rtdp.ksql.udf.UdfParameter;
import java.sql.Date;
import java.time.LocalDate;

@UdfDescription(name = "PARSE_DATE", category = "DATE / TIME", description = "Parses a string into a DATE.")
public class ParseDate {
  @Udf
  public Date parseDate(@UdfParameter("formattedDate") String text, @UdfParameter("formatPattern") String pattern) {
    return text == null || pattern == null ? null
        : Temporals.date(LocalDate.parse(text, TimeFormats.formatter(pattern)).toEpochDay());
  }
}
