package io.rtdp.ksql.engine.function.builtin;

import io.rtdp.ksql.udf.Udf;
import io.rtdp.ksql.udf.UdfDescription;
import io.rtdp.ksql.udf.UdfParameter;

@UdfDescription(name = "ELT", category = "STRING", description = "The n-th string argument (1-based), NULL when out of range.")
public class Elt {
  @Udf
  public String elt(@UdfParameter("n") Integer n, @UdfParameter("args") String... args) {
    return n == null || n < 1 || n > args.length ? null : args[n - 1];
  }
}
