package io.rtdp.ksql.engine.function.builtin;

import io.rtdp.ksql.udf.Udf;
import io.rtdp.ksql.udf.UdfDescription;
import io.rtdp.ksql.udf.UdfParameter;
import java.util.List;

@UdfDescription(name = "ARRAY_EXCEPT", category = "ARRAY", description = "The distinct elements of the first array not in the second.")
public class ArrayExcept {
  @Udf
  public <T> List<T> arrayExcept(@UdfParameter("left") List<T> left, @UdfParameter("right") List<T> right) {
    return ArraySets.filter(left, right, false);
  }
}
