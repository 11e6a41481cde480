package io.rtdp.ksql.engine.topology;

import io.rtdp.ksql.engine.expression.Evaluator;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * WHERE, new key and projection of one row, with ksqlDB's failure rules: an error in WHERE drops
 * the row, an error in a projected expression makes that column NULL; both are logged.
 */
final class RowSelector {
  /** The selected record; {@code value} null means a NULL-value record. */
  record Selected(List<Object> key, List<Object> value, Long timestamp) {
    /** The input record carrying the selected value, re-timestamped when the sink sets TIMESTAMP. */
    <K> FixedKeyRecord<K, List<Object>> applyTo(FixedKeyRecord<K, ?> record) {
      FixedKeyRecord<K, List<Object>> out = record.withValue(value);
      return timestamp == null ? out : out.withTimestamp(timestamp);
    }
  }

  private final String queryId;
  private final ProcessingLog log;
  private final Evaluator where;
  private final Evaluator[] keys;
  private final Evaluator[] values;
  private final Evaluator timestamp;
  private final int rowWidth;
  private final int sourceKeyCount;
  private Evaluator[] relayout;

  /** {@code keys} null keeps the input key; {@code where}/{@code timestamp} may be null. */
  RowSelector(String queryId, ProcessingLog log, Evaluator where, Evaluator[] keys, Evaluator[] values,
      Evaluator timestamp, int rowWidth, int sourceKeyCount) {
    this.queryId = queryId;
    this.log = log;
    this.where = where;
    this.keys = keys;
    this.values = values;
    this.timestamp = timestamp;
    this.rowWidth = rowWidth;
    this.sourceKeyCount = sourceKeyCount;
  }

  /** Lays each row out anew (PARTITION BY's schema) before the projection runs on it. */
  RowSelector withRelayout(Evaluator[] relayout) {
    this.relayout = relayout;
    return this;
  }

  /** Whether a row satisfies WHERE; used on tables, where a failing row becomes a tombstone. */
  boolean passes(Object[] row) {
    if (where == null || row == null) {
      return true;
    }
    try {
      return Boolean.TRUE.equals(where.eval(row));
    } catch (RuntimeException e) {
      log.recordProcessingError(queryId, "Error in WHERE expression: " + e.getMessage(), e, row);
      return false;
    }
  }

  /** Null when the row is filtered out. */
  Selected select(List<Object> key, Object[] row) {
    if (row == null) {
      if (where != null) {
        return null;
      }
      // A NULL value passes through; a new key is computed from a row of NULLs.
      Object[] empty = new Object[rowWidth];
      for (int i = 0; i < sourceKeyCount && key != null; i++) {
        empty[i] = key.get(i);
      }
      return new Selected(keys == null ? key : evaluate(keys, empty), null, null);
    }
    if (where != null) {
      try {
        if (!Boolean.TRUE.equals(where.eval(row))) {
          return null;
        }
      } catch (RuntimeException e) {
        log.recordProcessingError(queryId, "Error in WHERE expression: " + e.getMessage(), e, row);
        return null;
      }
    }
    List<Object> newKey = keys == null ? key : evaluate(keys, row);
    Long ts = null;
    if (timestamp != null) {
      Object t = safe(timestamp, row);
      ts = t instanceof java.util.Date d ? d.getTime() : t instanceof Long l ? l : null;
      if (ts == null || ts < 0) {
        // ksqlDB skips records whose timestamp is missing or invalid (ksql.timestamp.throw.on.invalid=false).
        log.error(queryId, "Invalid record timestamp " + t + ": the record is skipped", null);
        return null;
      }
    }
    Object[] projected = row;
    if (relayout != null) {
      projected = new Object[relayout.length];
      for (int i = 0; i < relayout.length; i++) {
        projected[i] = safe(relayout[i], row);
      }
    }
    return new Selected(newKey, evaluate(values, projected), ts);
  }

  private List<Object> evaluate(Evaluator[] evaluators, Object[] row) {
    List<Object> out = new ArrayList<>(evaluators.length);
    for (Evaluator e : evaluators) {
      out.add(safe(e, row));
    }
    return out;
  }

  private Object safe(Evaluator e, Object[] row) {
    try {
      return e.eval(row);
    } catch (RuntimeException ex) {
      log.recordProcessingError(queryId, "Error computing expression: " + ex.getMessage(), ex, row);
      return null;
    }
  }
}
