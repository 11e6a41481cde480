package io.rtdp.ksql.engine.function.builtin;

import io.rtdp.ksql.udf.Udaf;
import io.rtdp.ksql.udf.UdafDescription;
import io.rtdp.ksql.udf.UdafFactory;
import java.util.ArrayList;
import java.util.List;

@UdafDescription(name = "COLLECT_SET", description = "Distinct values in first-seen order.")
public final class CollectSet {
  private CollectSet() {}

  @UdafFactory(description = "Collects distinct values into an array.")
  public static <T> Udaf<T, List<T>, List<T>> collectSet() {
    return new Udaf<>() {
      @Override
      public List<T> initialize() {
        return new ArrayList<>();
      }

      @Override
      public List<T> aggregate(T value, List<T> set) {
        if (value == null || set.contains(value) || set.size() >= CollectList.LIMIT) {
          return set;
        }
        List<T> out = new ArrayList<>(set);
        out.add(value);
        return out;
      }

      @Override
      public List<T> merge(List<T> a, List<T> b) {
        List<T> out = a;
        for (T t : b) {
          out = aggregate(t, out);
        }
        return out;
      }

      @Override
      public List<T> map(List<T> set) {
        return set;
      }
    };
  }
}
