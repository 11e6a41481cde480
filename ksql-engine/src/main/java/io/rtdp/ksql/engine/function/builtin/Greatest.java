package io.rtdp.ksql.engine.function.builtin;

import io.rtdp.ksql.udf.UdfDescription;

@UdfDescription(name = "GREATEST", category = "MATHEMATICAL", description = "The largest non-NULL argument.")
public class Greatest extends ExtremeOfArguments {
  public Greatest() {
    super(-1);
  }
}
