package io.rtdp.ksql.engine.function.builtin;

import io.rtdp.ksql.udf.Udf;
import io.rtdp.ksql.udf.UdfDescription;
import io.rtdp.ksql.udf.UdfParameter;
import java.util.List;

@UdfDescription(name = "ARRAY_MIN", category = "ARRAY", description = "The smallest non-NULL element.")
public class ArrayMin {
  @Udf
  @SuppressWarnings("unchecked")
  public <T> T arrayMin(@UdfParameter("array") List<T> array) {
    if (array == null) {
      return null;
    }
    T best = null;
    for (T t : array) {
      if (t != null && (best == null || ((Comparable<Object>) t).compareTo(best) < 0)) {
        best = t;
      }
    }
    return best;
  }
}
