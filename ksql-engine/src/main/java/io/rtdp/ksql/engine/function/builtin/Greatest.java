package io.rtdp.ksql.engine.function.builtin;

import io.rtdp.ksql.udf.Udf;
import io.rtdp.ksql.udf.UdfDescription;
import io.rtdp.ksql.udf.UdfParameter;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.sql.Date;
import java.sql.Time;
import java.sql.Timestamp;

@UdfDescription(name = "GREATEST", category = "MATHEMATICAL", description = "The largest non-NULL argument.")
public class Greatest {
  @Udf
  public Integer greatest(@UdfParameter("val") Integer v, @UdfParameter("vals") Integer... vs) {
    return Extremes.pick(-1, v, vs);
  }

  @Udf
  public Long greatest(@UdfParameter("val") Long v, @UdfParameter("vals") Long... vs) {
    return Extremes.pick(-1, v, vs);
  }

  @Udf
  public Double greatest(@UdfParameter("val") Double v, @UdfParameter("vals") Double... vs) {
    return Extremes.pick(-1, v, vs);
  }

  @Udf
  public BigDecimal greatest(@UdfParameter("val") BigDecimal v, @UdfParameter("vals") BigDecimal... vs) {
    return Extremes.pick(-1, v, vs);
  }

  @Udf
  public String greatest(@UdfParameter("val") String v, @UdfParameter("vals") String... vs) {
    return Extremes.pick(-1, v, vs);
  }

  @Udf
  public ByteBuffer greatest(@UdfParameter("val") ByteBuffer v, @UdfParameter("vals") ByteBuffer... vs) {
    return Extremes.pick(-1, v, vs);
  }

  @Udf
  public Date greatest(@UdfParameter("val") Date v, @UdfParameter("vals") Date... vs) {
    return Extremes.pick(-1, v, vs);
  }

  @Udf
  public Time greatest(@UdfParameter("val") Time v, @UdfParameter("vals") Time... vs) {
    return Extremes.pick(-1, v, vs);
  }

  @Udf
  public Timestamp greatest(@UdfParameter("val") Timestamp v, @UdfParameter("vals") Timestamp... vs) {
    return Extremes.pick(-1, v, vs);
  }
}
