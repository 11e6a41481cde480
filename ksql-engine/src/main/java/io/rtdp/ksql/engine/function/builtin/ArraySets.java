package io.rtdp.ksql.engine.function.builtin;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Shared by ARRAY_DISTINCT, ARRAY_UNION, ARRAY_INTERSECT and ARRAY_EXCEPT: distinct, first-seen order. */
final class ArraySets {
  private ArraySets() {}

  /** The distinct elements of {@code left} whose membership in {@code right} equals {@code keepIfInRight}. */
  static <T> List<T> filter(List<T> left, Collection<T> right, boolean keepIfInRight) {
    if (left == null || right == null) {
      return null;
    }
    Set<T> other = new LinkedHashSet<>(right);
    List<T> out = new ArrayList<>();
    for (T t : new LinkedHashSet<>(left)) {
      if (other.contains(t) == keepIfInRight) {
        out.add(t);
      }
    }
    return out;
  }

  static <T> List<T> union(List<T> left, List<T> right) {
    if (left == null || right == null) {
      return null;
    }
    Set<T> all = new LinkedHashSet<>(left);
    all.addAll(right);
    return new ArrayList<>(all);
  }
}
