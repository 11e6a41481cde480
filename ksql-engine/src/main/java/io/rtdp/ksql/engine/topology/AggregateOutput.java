package io.rtdp.ksql.engine.topology;

import io.rtdp.ksql.engine.expression.Evaluator;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a group's accumulators into the sink value: builds the post-aggregation row (grouping
 * values, aggregate results, WINDOWSTART, WINDOWEND), evaluates HAVING and the projection.
 */
final class AggregateOutput {
  private final String queryId;
  private final ProcessingLog log;
  private final AggregateSpec aggregates;
  private final int keyCount;
  private final Evaluator having;
  private final Evaluator[] projection;

  AggregateOutput(String queryId, ProcessingLog log, AggregateSpec aggregates, int keyCount, Evaluator having,
      Evaluator[] projection) {
    this.queryId = queryId;
    this.log = log;
    this.aggregates = aggregates;
    this.keyCount = keyCount;
    this.having = having;
    this.projection = projection;
  }

  /** Whether the group's row satisfies HAVING; a failing row becomes a tombstone downstream. */
  boolean passes(List<Object> key, List<Object> acc, Long windowStart, Long windowEnd) {
    if (having == null || acc == null) {
      return true;
    }
    try {
      return Boolean.TRUE.equals(having.eval(row(key, acc, windowStart, windowEnd)));
    } catch (RuntimeException e) {
      log.error(queryId, "Error in HAVING expression: " + e.getMessage(), e);
      return false;
    }
  }

  List<Object> value(List<Object> key, List<Object> acc, Long windowStart, Long windowEnd) {
    if (acc == null) {
      return null;
    }
    Object[] row = row(key, acc, windowStart, windowEnd);
    List<Object> out = new ArrayList<>(projection.length);
    for (Evaluator e : projection) {
      try {
        out.add(e.eval(row));
      } catch (RuntimeException ex) {
        log.error(queryId, "Error computing expression: " + ex.getMessage(), ex);
        out.add(null);
      }
    }
    return out;
  }

  private Object[] row(List<Object> key, List<Object> acc, Long windowStart, Long windowEnd) {
    Object[] row = new Object[keyCount + aggregates.size() + 2];
    for (int i = 0; i < keyCount; i++) {
      row[i] = key.get(i);
    }
    for (int i = 0; i < aggregates.size(); i++) {
      try {
        row[keyCount + i] = aggregates.result(i, acc);
      } catch (RuntimeException e) {
        log.error(queryId, "Error computing aggregate result: " + e.getMessage(), e);
      }
    }
    row[keyCount + aggregates.size()] = windowStart;
    row[keyCount + aggregates.size() + 1] = windowEnd;
    return row;
  }
}
