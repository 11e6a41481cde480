package io.rtdp.ksql.engine.query;

import java.util.Arrays;

/** Expected result rows, written as their column values. */
final class Rows {
  private Rows() {}

  static ResultRow row(Object... values) {
    return new ResultRow(Arrays.asList(values), false);
  }

  static ResultRow tombstone(Object... values) {
    return new ResultRow(Arrays.asList(values), true);
  }
}
