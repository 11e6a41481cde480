package io.rtdp.ksql.engine.function.builtin;

import io.rtdp.ksql.udf.Udf;
import io.rtdp.ksql.udf.UdfDescription;
import io.rtdp.ksql.udf.UdfParameter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

@UdfDescription(name = "ARRAY_SORT", category = "ARRAY", description = "Sorts an array (ASC or DESC), NULLs last.")
public class ArraySort {
  @Udf
  public <T> List<T> arraySort(@UdfParameter("array") List<T> array) {
    return arraySort(array, "ASC");
  }

  @Udf
  @SuppressWarnings("unchecked")
  public <T> List<T> arraySort(@UdfParameter("array") List<T> array, @UdfParameter("direction") String direction) {
    if (array == null || direction == null) {
      return null;
    }
    Comparator<Object> natural = (a, b) -> ((Comparable<Object>) a).compareTo(b);
    Comparator<Object> order = direction.equalsIgnoreCase("DESC") ? natural.reversed() : natural;
    if (!direction.equalsIgnoreCase("DESC") && !direction.equalsIgnoreCase("ASC")) {
      return null;
    }
    List<T> out = new ArrayList<>(array);
    out.sort((Comparator<T>) (Comparator<?>) Comparator.nullsLast(order));
    return out;
  }
}
