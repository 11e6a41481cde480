package io.rtdp.ksql.engine.function.builtin;

import io.rtdp.ksql.udf.TableUdaf;
import io.rtdp.ksql.udf.UdafDescription;
import io.rtdp.ksql.udf.UdafFactory;
import java.util.ArrayList;
import java.util.List;

@UdafDescription(name = "COLLECT_LIST", description = "All values in arrival order, NULLs included.")
public final class CollectList {
  static final int LIMIT = 1000;

  private CollectList() {}

  @UdafFactory(description = "Collects values into an array.")
  public static <T> TableUdaf<T, List<T>, List<T>> collectList() {
    return new TableUdaf<>() {
      @Override
      public List<T> initialize() {
        return new ArrayList<>();
      }

      @Override
      public List<T> aggregate(T value, List<T> list) {
        if (list.size() >= LIMIT) {
          return list;
        }
        List<T> out = new ArrayList<>(list);
        out.add(value);
        return out;
      }

      @Override
      public List<T> merge(List<T> a, List<T> b) {
        List<T> out = new ArrayList<>(a);
        for (T t : b) {
          if (out.size() < LIMIT) {
            out.add(t);
          }
        }
        return out;
      }

      @Override
      public List<T> map(List<T> list) {
        return list;
      }

      @Override
      public List<T> undo(T value, List<T> list) {
        List<T> out = new ArrayList<>(list);
        int i = out.lastIndexOf(value);
        if (i >= 0) {
          out.remove(i);
        }
        return out;
      }
    };
  }
}
