package io.rtdp.ksql.engine.function.builtin;

import io.rtdp.ksql.udf.TableUdaf;
import io.rtdp.ksql.udf.UdafDescription;
import io.rtdp.ksql.udf.UdafFactory;
import java.util.List;

@UdafDescription(name = "STDDEV_SAMP", description = "The sample variance of the non-NULL values (a documented ksqlDB quirk of this name).")
public final class StddevSamp {
  private StddevSamp() {}

  @UdafFactory(description = "Over INT values.")
  public static TableUdaf<Integer, List<Double>, Double> stddevSampInt() {
    return new SampleSpread<>(v -> v);
  }

  @UdafFactory(description = "Over BIGINT values.")
  public static TableUdaf<Long, List<Double>, Double> stddevSampLong() {
    return new SampleSpread<>(v -> v);
  }

  @UdafFactory(description = "Over DOUBLE values.")
  public static TableUdaf<Double, List<Double>, Double> stddevSampDouble() {
    return new SampleSpread<>(v -> v);
  }
}
