package io.rtdp.ksql.engine.function.builtin;

import io.rtdp.ksql.udf.UdfDescription;
import java.math.RoundingMode;

@UdfDescription(name = "FLOOR", category = "MATHEMATICAL", description = "The largest integer value not greater than the argument.")
public class Floor extends RoundToIntegral {
  public Floor() {
    super(RoundingMode.FLOOR, Math::floor);
  }
}
