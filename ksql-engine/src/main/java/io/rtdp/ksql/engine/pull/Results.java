package io.rtdp.ksql.engine.pull;

import io.rtdp.ksql.engine.query.ResultRow;
import java.util.ArrayList;
import java.util.List;

/** Collects the rows of one pull query execution up to its LIMIT. */
final class Results {
  private final RowProjection projection;
  private final Integer limit;
  private final List<ResultRow> rows = new ArrayList<>();

  Results(RowProjection projection, Integer limit) {
    this.projection = projection;
    this.limit = limit;
  }

  boolean full() {
    return limit != null && rows.size() >= limit;
  }

  void offer(Object[] row) {
    if (full()) {
      return;
    }
    ResultRow r = projection.apply(row);
    if (r != null) {
      rows.add(r);
    }
  }

  List<ResultRow> rows() {
    return rows;
  }
}
