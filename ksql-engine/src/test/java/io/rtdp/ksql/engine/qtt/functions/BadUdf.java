package io.rtdp.ksql.engine.qtt.functions;

import io.rtdp.ksql.udf.Udf;
import io.rtdp.ksql.udf.UdfDescription;
import io.rtdp.ksql.udf.UdfParameter;

/** Test-only function of the QTT corpus: always fails, to prove that a failing expression skips or nulls rows. */
@UdfDescription(name = "BAD_UDF", description = "Throws for every input.")
public class BadUdf {
  @Udf
  public <T> T blowUp(@UdfParameter("input") T input) {
    throw new IllegalStateException("boom");
  }
}
