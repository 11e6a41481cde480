package io.rtdp.ksql.engine.function.builtin;

import io.rtdp.ksql.udf.Udf;
import io.rtdp.ksql.udf.UdfParameter;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.sql.Date;
import java.sql.Time;
import java.sql.Timestamp;

/**
 * GREATEST and LEAST: the extreme non-NULL argument. The registry reads one {@code @Udf} overload
 * per SQL type, so the overloads live here once and the subclasses only choose the direction.
 * Public because the registry's reflection calls these inherited methods on the subclasses.
 */
public abstract class ExtremeOfArguments {
  /** 1 picks the smallest value, -1 the largest. */
  private final int sign;

  ExtremeOfArguments(int sign) {
    this.sign = sign;
  }

  @Udf
  public Integer pick(@UdfParameter("val") Integer v, @UdfParameter("vals") Integer... vs) {
    return extreme(v, vs);
  }

  @Udf
  public Long pick(@UdfParameter("val") Long v, @UdfParameter("vals") Long... vs) {
    return extreme(v, vs);
  }

  @Udf
  public Double pick(@UdfParameter("val") Double v, @UdfParameter("vals") Double... vs) {
    return extreme(v, vs);
  }

  @Udf
  public BigDecimal pick(@UdfParameter("val") BigDecimal v, @UdfParameter("vals") BigDecimal... vs) {
    return extreme(v, vs);
  }

  @Udf
  public String pick(@UdfParameter("val") String v, @UdfParameter("vals") String... vs) {
    return extreme(v, vs);
  }

  @Udf
  public ByteBuffer pick(@UdfParameter("val") ByteBuffer v, @UdfParameter("vals") ByteBuffer... vs) {
    return extreme(v, vs);
  }

  @Udf
  public Date pick(@UdfParameter("val") Date v, @UdfParameter("vals") Date... vs) {
    return extreme(v, vs);
  }

  @Udf
  public Time pick(@UdfParameter("val") Time v, @UdfParameter("vals") Time... vs) {
    return extreme(v, vs);
  }

  @Udf
  public Timestamp pick(@UdfParameter("val") Timestamp v, @UdfParameter("vals") Timestamp... vs) {
    return extreme(v, vs);
  }

  @SafeVarargs
  @SuppressWarnings("unchecked")
  private <T> T extreme(T first, T... others) {
    T best = first;
    for (T t : others) {
      if (t != null && (best == null || sign * ((Comparable<Object>) t).compareTo(best) < 0)) {
        best = t;
      }
    }
    return best;
  }
}
