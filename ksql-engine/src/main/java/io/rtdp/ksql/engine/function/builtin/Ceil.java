package io.rtdp.ksql.engine.function.builtin;

import io.rtdp.ksql.udf.UdfDescription;
import java.math.RoundingMode;

@UdfDescription(name = "CEIL", category = "MATHEMATICAL", description = "The smallest integer value not less than the argument.")
public class Ceil extends RoundToIntegral {
  public Ceil() {
    super(RoundingMode.CEILING, Math::ceil);
  }
}
