package io.rtdp.ksql.engine.function.builtin;

import io.rtdp.ksql.udf.Udf;
import io.rtdp.ksql.udf.UdfDescription;
import io.rtdp.ksql.udf.UdfParameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

@UdfDescription(name = "ARRAY_REMOVE", category = "ARRAY", description = "The array without the elements equal to a value.")
public class ArrayRemove {
  @Udf
  public <T> List<T> arrayRemove(@UdfParameter("array") List<T> array, @UdfParameter("victim") T victim) {
    if (array == null) {
      return null;
    }
    List<T> out = new ArrayList<>();
    for (T t : array) {
      if (!Objects.equals(t, victim)) {
        out.add(t);
      }
    }
    return out;
  }
}
