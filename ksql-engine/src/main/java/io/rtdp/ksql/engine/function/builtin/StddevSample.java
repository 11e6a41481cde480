package io.rtdp.ksql.engine.function.builtin;

import io.rtdp.ksql.udf.TableUdaf;
import io.rtdp.ksql.udf.UdafDescription;
import io.rtdp.ksql.udf.UdafFactory;
import java.util.List;

@UdafDescription(name = "STDDEV_SAMPLE", description = "The sample standard deviation of the non-NULL values.")
public final class StddevSample {
  private StddevSample() {}

  @UdafFactory(description = "Over INT values.")
  public static TableUdaf<Integer, List<Double>, Double> stddevSampleInt() {
    return new SampleSpread<>(Math::sqrt);
  }

  @UdafFactory(description = "Over BIGINT values.")
  public static TableUdaf<Long, List<Double>, Double> stddevSampleLong() {
    return new SampleSpread<>(Math::sqrt);
  }

  @UdafFactory(description = "Over DOUBLE values.")
  public static TableUdaf<Double, List<Double>, Double> stddevSampleDouble() {
    return new SampleSpread<>(Math::sqrt);
  }
}
