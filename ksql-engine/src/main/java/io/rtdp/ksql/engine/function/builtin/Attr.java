package io.rtdp.ksql.engine.function.builtin;

import io.rtdp.ksql.udf.TableUdaf;
import io.rtdp.ksql.udf.UdafDescription;
import io.rtdp.ksql.udf.UdafFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

@UdafDescription(name = "ATTR", description = "The single value all rows agree on, otherwise NULL.")
public final class Attr {
  private Attr() {}

  /** The accumulator counts each distinct value, as [value, count, value, count, ...], so rows can be undone. */
  @UdafFactory(description = "The common value of a column.")
  public static <T> TableUdaf<T, List<Object>, T> attr() {
    return new TableUdaf<>() {
      @Override
      public List<Object> initialize() {
        return new ArrayList<>();
      }

      @Override
      public List<Object> aggregate(T value, List<Object> acc) {
        return change(acc, value, 1);
      }

      @Override
      public List<Object> merge(List<Object> a, List<Object> b) {
        List<Object> out = a;
        for (int i = 0; i < b.size(); i += 2) {
          out = change(out, b.get(i), (Long) b.get(i + 1));
        }
        return out;
      }

      @Override
      @SuppressWarnings("unchecked")
      public T map(List<Object> acc) {
        return acc.size() == 2 ? (T) acc.get(0) : null;
      }

      @Override
      public List<Object> undo(T value, List<Object> acc) {
        return change(acc, value, -1);
      }
    };
  }

  private static List<Object> change(List<Object> acc, Object value, long delta) {
    Map<Object, Long> counts = new LinkedHashMap<>();
    for (int i = 0; i < acc.size(); i += 2) {
      counts.put(acc.get(i), (Long) acc.get(i + 1));
    }
    counts.merge(value, delta, Long::sum);
    List<Object> out = new ArrayList<>();
    counts.forEach((v, c) -> {
      if (c > 0) {
        out.add(v);
        out.add(c);
      }
    });
    return out;
  }
}
