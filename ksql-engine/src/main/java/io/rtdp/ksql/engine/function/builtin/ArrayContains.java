package io.rtdp.ksql.engine.function.builtin;

import io.rtdp.ksql.udf.Udf;
import io.rtdp.ksql.udf.UdfDescription;
import io.rtdp.ksql.udf.UdfParameter;
import java.util.List;

@UdfDescription(name = "ARRAY_CONTAINS", category = "ARRAY", description = "Whether an array holds a value.")
public class ArrayContains {
  @Udf
  public <T> Boolean arrayContains(@UdfParameter("array") List<T> array, @UdfParameter("val") T value) {
    return array != null && array.contains(value);
  }
}
