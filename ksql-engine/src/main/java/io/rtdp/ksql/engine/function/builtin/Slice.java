package io.rtdp.ksql.engine.function.builtin;

import io.rtdp.ksql.udf.Udf;
import io.rtdp.ksql.udf.UdfDescription;
import io.rtdp.ksql.udf.UdfParameter;
import java.util.ArrayList;
import java.util.List;

@UdfDescription(name = "SLICE", category = "ARRAY", description = "The elements from one 1-based position to another, inclusive.")
public class Slice {
  @Udf
  public <T> List<T> slice(@UdfParameter("array") List<T> array, @UdfParameter("from") Integer from,
      @UdfParameter("to") Integer to) {
    if (array == null || from == null || to == null || from < 1 || to > array.size() || to < from - 1) {
      return null;
    }
    return new ArrayList<>(array.subList(from - 1, to));
  }
}
