package io.rtdp.ksql.engine.function.builtin;

import io.rtdp.ksql.udf.Udf;
import io.rtdp.ksql.udf.UdfDescription;
import io.rtdp.ksql.udf.UdfParameter;
import java.util.List;

@UdfDescription(name = "ARRAY_LENGTH", category = "ARRAY", description = "The number of elements of an array.")
public class ArrayLength {
  @Udf
  public <T> Integer arrayLength(@UdfParameter("array") List<T> array) {
    return array == null ? null : array.size();
  }
}
