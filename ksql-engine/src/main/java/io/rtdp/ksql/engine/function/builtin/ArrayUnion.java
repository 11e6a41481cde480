package io.rtdp.ksql.engine.function.builtin;

import io.rtdp.ksql.udf.Udf;
import io.rtdp.ksql.udf.UdfDescription;
import io.rtdp.ksql.udf.UdfParameter;
import java.util.List;

@UdfDescription(name = "ARRAY_UNION", category = "ARRAY", description = "The distinct elements of both arrays.")
public class ArrayUnion {
  @Udf
  public <T> List<T> arrayUnion(@UdfParameter("left") List<T> left, @UdfParameter("right") List<T> right) {
    return ArraySets.union(left, right);
  }
}
