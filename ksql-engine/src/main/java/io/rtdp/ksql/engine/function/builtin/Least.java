package io.rtdp.ksql.engine.function.builtin;

import io.rtdp.ksql.udf.UdfDescription;

@UdfDescription(name = "LEAST", category = "MATHEMATICAL", description = "The smallest non-NULL argument.")
public class Least extends ExtremeOfArguments {
  public Least() {
    super(1);
  }
}
