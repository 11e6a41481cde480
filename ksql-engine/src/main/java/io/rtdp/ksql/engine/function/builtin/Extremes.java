package io.rtdp.ksql.engine.function.builtin;

/** Shared by GREATEST and LEAST: the extreme non-NULL value (sign 1 = smallest, -1 = largest). */
final class Extremes {
  private Extremes() {}

  @SafeVarargs
  @SuppressWarnings("unchecked")
  static <T> T pick(int sign, T first, T... others) {
    T best = first;
    for (T t : others) {
      if (t != null && (best == null || sign * ((Comparable<Object>) t).compareTo(best) < 0)) {
        best = t;
      }
    }
    return best;
  }
}
