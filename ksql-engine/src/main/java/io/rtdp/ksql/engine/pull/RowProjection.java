package io.rtdp.ksql.engine.pull;

import io.rtdp.ksql.engine.expression.Evaluator;
import io.rtdp.ksql.engine.query.ResultRow;
import java.util.ArrayList;
import java.util.List;

/**
 * WHERE and the projection of a pull query over one row. As in persistent queries, an error in
 * WHERE drops the row and an error in a projected expression makes that column NULL.
 */
public final class RowProjection {
  private final Evaluator where;
  private final Evaluator[] columns;

  /** {@code where} may be null. */
  public RowProjection(Evaluator where, Evaluator[] columns) {
    this.where = where;
    this.columns = columns.clone();
  }

  /** The result row, or null when WHERE drops it. */
  public ResultRow apply(Object[] row) {
    if (where != null) {
      try {
        if (!Boolean.TRUE.equals(where.eval(row))) {
          return null;
        }
      } catch (RuntimeException e) {
        return null;
      }
    }
    List<Object> out = new ArrayList<>(columns.length);
    for (Evaluator c : columns) {
      Object v;
      try {
        v = c.eval(row);
      } catch (RuntimeException e) {
        v = null;
      }
      out.add(v);
    }
    return new ResultRow(out, false);
  }
}
