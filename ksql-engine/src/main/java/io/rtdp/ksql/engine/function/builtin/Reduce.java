package io.rtdp.ksql.engine.function.builtin;

import io.rtdp.ksql.udf.TriFunction;
import io.rtdp.ksql.udf.Udf;
import io.rtdp.ksql.udf.UdfDescription;
import io.rtdp.ksql.udf.UdfParameter;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

@UdfDescription(name = "REDUCE", category = "LAMBDA", description = "Folds an array or map into one value.")
public class Reduce {
  @Udf
  public <T, S> S reduce(@UdfParameter("array") List<T> array, @UdfParameter("initialState") S initial,
      @UdfParameter("function") BiFunction<S, T, S> fn) {
    if (array == null || fn == null) {
      return null;
    }
    S state = initial;
    for (T t : array) {
      state = fn.apply(state, t);
    }
    return state;
  }

  @Udf
  public <K, V, S> S reduce(@UdfParameter("map") Map<K, V> map, @UdfParameter("initialState") S initial,
      @UdfParameter("function") TriFunction<S, K, V, S> fn) {
    if (map == null || fn == null) {
      return null;
    }
    S state = initial;
    for (Map.Entry<K, V> e : map.entrySet()) {
      state = fn.apply(state, e.getKey(), e.getValue());
    }
    return state;
  }
}
