package io.rtdp.ksql.engine.function.builtin;

import io.rtdp.ksql.udf.Udaf;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * An aggregate whose state is a list of kept values: EARLIEST/LATEST_BY_OFFSET, COLLECT_SET,
 * COUNT_DISTINCT, TOPK. Each list is a new copy, since the state store may still hold the old one;
 * merging (session windows) replays the other side's values so that the same rules apply.
 */
final class ListStateUdaf<T, R> implements Udaf<T, List<T>, R> {
  private final BiPredicate<T, List<T>> keeps;
  private final UnaryOperator<List<T>> afterAdd;
  private final Function<List<T>, R> result;

  /**
   * @param keeps whether a value joins the current list
   * @param afterAdd reorders or trims the list once a value joined it
   * @param result what the list means as the aggregate's output
   */
  ListStateUdaf(BiPredicate<T, List<T>> keeps, UnaryOperator<List<T>> afterAdd, Function<List<T>, R> result) {
    this.keeps = keeps;
    this.afterAdd = afterAdd;
    this.result = result;
  }

  ListStateUdaf(BiPredicate<T, List<T>> keeps, Function<List<T>, R> result) {
    this(keeps, UnaryOperator.identity(), result);
  }

  @Override
  public List<T> initialize() {
    return new ArrayList<>();
  }

  @Override
  public List<T> aggregate(T value, List<T> current) {
    if (!keeps.test(value, current)) {
      return current;
    }
    List<T> out = new ArrayList<>(current);
    out.add(value);
    return afterAdd.apply(out);
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
  public R map(List<T> current) {
    return result.apply(current);
  }
}
