package io.rtdp.ksql.engine.function.builtin;

import io.rtdp.ksql.udf.Udtf;
import io.rtdp.ksql.udf.UdtfDescription;
import io.rtdp.ksql.udf.UdfParameter;
import java.util.List;

@UdtfDescription(name = "EXPLODE", description = "One row per element of an array.")
public class Explode {
  @Udtf
  public <T> List<T> explode(@UdfParameter("input") List<T> input) {
    return input == null ? List.of() : input;
  }
}
