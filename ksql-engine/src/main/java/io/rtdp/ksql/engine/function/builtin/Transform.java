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

@UdfDescription(name = "TRANSFORM", category = "LAMBDA", description = "Applies a lambda to every element or entry.")
public class Transform {
  @Udf
  public <T, R> List<R> transform(@UdfParameter("array") List<T> array, @UdfParameter("function") Function<T, R> fn) {
    if (array == null || fn == null) {
      return null;
    }
    List<R> out = new ArrayList<>(array.size());
    for (T t : array) {
      out.add(fn.apply(t));
    }
    return out;
  }

  @Udf
  public <K, V, K1, V1> Map<K1, V1> transform(@UdfParameter("map") Map<K, V> map,
      @UdfParameter("keyFunction") BiFunction<K, V, K1> keyFn, @UdfParameter("valueFunction") BiFunction<K, V, V1> valueFn) {
    if (map == null || keyFn == null || valueFn == null) {
      return null;
    }
    Map<K1, V1> out = new LinkedHashMap<>();
    map.forEach((k, v) -> out.put(keyFn.apply(k, v), valueFn.apply(k, v)));
    return out;
  }
}
