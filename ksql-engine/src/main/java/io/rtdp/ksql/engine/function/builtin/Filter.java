package io.rtdp.ksql.engine.function.builtin;

import io.rtdp.ksql.udf.Udf;
import io.rtdp.ksql.udf.UdfDescription;
import io.rtdp.ksql.udf.UdfParameter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

@UdfDescription(name = "FILTER", category = "LAMBDA", description = "Keeps the elements or entries a lambda accepts.")
public class Filter {
  @Udf
  public <T> List<T> filter(@UdfParameter("array") List<T> array, @UdfParameter("function") Function<T, Boolean> fn) {
    if (array == null || fn == null) {
      return null;
    }
    List<T> out = new ArrayList<>();
    for (T t : array) {
      if (Boolean.TRUE.equals(fn.apply(t))) {
        out.add(t);
      }
    }
    return out;
  }

  @Udf
  public <K, V> Map<K, V> filter(@UdfParameter("map") Map<K, V> map,
      @UdfParameter("function") BiFunction<K, V, Boolean> fn) {
    if (map == null || fn == null) {
      return null;
    }
    Map<K, V> out = new LinkedHashMap<>();
    map.forEach((k, v) -> {
      if (Boolean.TRUE.equals(fn.apply(k, v))) {
        out.put(k, v);
      }
    });
    return out;
  }
}
