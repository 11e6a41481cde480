package io.rtdp.ksql.engine.function.builtin;

import io.rtdp.ksql.udf.TableUdaf;
import io.rtdp.ksql.udf.UdafDescription;
import io.rtdp.ksql.udf.UdafFactory;
import java.util.List;
import java.util.function.BinaryOperator;

@UdafDescription(name = "SUM_LIST", description = "Sum of all non-NULL elements of all arrays.")
public final class SumList {
  private SumList() {}

  @UdafFactory(description = "Sum of the elements of ARRAY<INT> values.")
  public static TableUdaf<List<Integer>, Integer, Integer> sumIntList() {
    return new ListSumming<>(Sum.sumInt());
  }

  @UdafFactory(description = "Sum of the elements of ARRAY<BIGINT> values.")
  public static TableUdaf<List<Long>, Long, Long> sumLongList() {
    return new ListSumming<>(Sum.sumLong());
  }

  @UdafFactory(description = "Sum of the elements of ARRAY<DOUBLE> values.")
  public static TableUdaf<List<Double>, Double, Double> sumDoubleList() {
    return new ListSumming<>(Sum.sumDouble());
  }

  /** Feeds every element of each array to the plain SUM of the element type. */
  private static final class ListSumming<T> implements TableUdaf<List<T>, T, T> {
    private final TableUdaf<T, T, T> sum;

    ListSumming(TableUdaf<T, T, T> sum) {
      this.sum = sum;
    }

    @Override
    public T initialize() {
      return sum.initialize();
    }

    @Override
    public T aggregate(List<T> values, T acc) {
      return fold(values, acc, sum::aggregate);
    }

    @Override
    public T merge(T a, T b) {
      return sum.merge(a, b);
    }

    @Override
    public T map(T acc) {
      return sum.map(acc);
    }

    @Override
    public T undo(List<T> values, T acc) {
      return fold(values, acc, sum::undo);
    }

    private static <T> T fold(List<T> values, T acc, BinaryOperator<T> step) {
      T out = acc;
      if (values != null) {
        for (T v : values) {
          out = step.apply(v, out);
        }
      }
      return out;
    }
  }
}
