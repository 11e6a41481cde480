package io.rtdp.ksql.engine.function.builtin;

import io.rtdp.ksql.udf.Udf;
import io.rtdp.ksql.udf.UdfDescription;
import io.rtdp.ksql.udf.UdfParameter;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.sql.Date;
import java.sql.Time;
import java.sql.Timestamp;

@UdfDescription(name = "LEAST", category = "MATHEMATICAL", description = "The smallest non-NULL argument.")
public class Least {
  @Udf
  public Integer least(@UdfParameter("val") Integer v, @UdfParameter("vals") Integer... vs) {
    return Extremes.pick(1, v, vs);
  }

  @Udf
  public Long least(@UdfParameter("val") Long v, @UdfParameter("vals") Long... vs) {
    return Extremes.pick(1, v, vs);
  }

  @Udf
  public Double least(@UdfParameter("val") Double v, @UdfParameter("vals") Double... vs) {
    return Extremes.pick(1, v, vs);
  }

  @Udf
  public BigDecimal least(@UdfParameter("val") BigDecimal v, @UdfParameter("vals") BigDecimal... vs) {
    return Extremes.pick(1, v, vs);
  }

  @Udf
  public String least(@UdfParameter("val") String v, @UdfParameter("vals") String... vs) {
    return Extremes.pick(1, v, vs);
  }

  @Udf
  public ByteBuffer least(@UdfParameter("val") ByteBuffer v, @UdfParameter("vals") ByteBuffer... vs) {
    return Extremes.pick(1, v, vs);
  }

  @Udf
  public Date least(@UdfParameter("val") Date v, @UdfParameter("vals") Date... vs) {
    return Extremes.pick(1, v, vs);
  }

  @Udf
  public Time least(@UdfParameter("val") Time v, @UdfParameter("vals") Time... vs) {
    return Extremes.pick(1, v, vs);
  }

  @Udf
  public Timestamp least(@UdfParameter("val") Timestamp v, @UdfParameter("vals") Timestamp... vs) {
    return Extremes.pick(1, v, vs);
  }
}
