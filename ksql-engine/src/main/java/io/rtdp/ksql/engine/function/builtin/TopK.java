package io.rtdp.ksql.engine.function.builtin;

import io.rtdp.ksql.udf.Udaf;
import io.rtdp.ksql.udf.UdafDescription;
import io.rtdp.ksql.udf.UdafFactory;
import io.rtdp.ksql.udf.UdfParameter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

@UdafDescription(name = "TOPK", description = "The k largest values, descending.")
public final class TopK {
  private TopK() {}

  @UdafFactory(description = "The k largest non-NULL values.")
  public static <T> Udaf<T, List<T>, List<T>> topK(@UdfParameter("k") int k) {
    return new Ranking<>(k, false);
  }

  /** Shared by TOPK and TOPKDISTINCT: a descending list capped at k entries. */
  static final class Ranking<T> implements Udaf<T, List<T>, List<T>> {
    private final int k;
    private final boolean distinct;

    Ranking(int k, boolean distinct) {
      if (k < 1) {
        throw new IllegalArgumentException("k must be positive: " + k);
      }
      this.k = k;
      this.distinct = distinct;
    }

    @Override
    public List<T> initialize() {
      return new ArrayList<>();
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<T> aggregate(T value, List<T> top) {
      if (value == null || (distinct && top.contains(value))) {
        return top;
      }
      List<T> out = new ArrayList<>(top);
      out.add(value);
      out.sort((a, b) -> ((Comparable<Object>) b).compareTo(a));
      return out.size() > k ? new ArrayList<>(out.subList(0, k)) : out;
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
    public List<T> map(List<T> top) {
      return Collections.unmodifiableList(top);
    }
  }
}
