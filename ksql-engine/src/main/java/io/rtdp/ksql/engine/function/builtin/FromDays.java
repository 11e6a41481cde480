package io.rtdp.ksql.engine.function.builtin;

import io.rtdp.ksql.engine.expression.Temporals;
import io.rtdp.ksql.udf.Udf;
import io.rtdp.ksql.udf.UdfDescription;
import io.rtdp.ksql.udf.UdfParameter;
import java.sql.Date;

@UdfDescription(name = "FROM_DAYS", category = "DATE / TIME", description = "Days since epoch as a DATE.")
public class FromDays {
  @Udf
  public Date fromDays(@UdfParameter("days") Integer days) {
    return days == null ? null : Temporals.date(days);
  }
}
