package io.rtdp.ksql.engine.topology;

import java.util.List;

/** Lays a join result out as left row, right row (NULLs for a missing side), then the join key. */
final class JoinedRows {
  private final int leftWidth;
  private final int rightWidth;

  JoinedRows(int leftWidth, int rightWidth) {
    this.leftWidth = leftWidth;
    this.rightWidth = rightWidth;
  }

  int width() {
    return leftWidth + rightWidth + 1;
  }

  Object[] combine(List<Object> key, Object[] left, Object[] right) {
    Object[] row = new Object[width()];
    if (left != null) {
      System.arraycopy(left, 0, row, 0, leftWidth);
    }
    if (right != null) {
      System.arraycopy(right, 0, row, leftWidth, rightWidth);
    }
    row[leftWidth + rightWidth] = key == null || key.isEmpty() ? null : key.get(0);
    return row;
  }
}
