package io.rtdp.ksql.engine.function.builtin;

import io.rtdp.ksql.udf.Udf;
import io.rtdp.ksql.udf.UdfDescription;
import io.rtdp.ksql.udf.UdfParameter;
import java.util.List;

@UdfDescription(name = "ARRAY_DISTINCT", category = "ARRAY", description = "The distinct elements, in first-occurrence order.")
public class ArrayDistinct {
  @Udf
  public <T> List<T> arrayDistinct(@UdfParameter("array") List<T> array) {
    return ArraySets.union(array, List.of());
  }
}
