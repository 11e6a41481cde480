package io.rtdp.ksql.engine.topology;

import java.util.List;

/**
 * Where a persistent query keeps the table it writes, for pull queries: a state store of its
 * topology (named stably, so a restarted application finds it) and how a stored entry becomes a
 * row of the sink table. Aggregates keep their accumulators and apply HAVING and the projection
 * on read; table projections keep their input rows and apply WHERE and the projection on read.
 */
public record Materialization(String storeName, StoreKind kind, StoredRows rows) {
  public enum StoreKind { KEY_VALUE, WINDOW, SESSION }

  /** Turns a stored entry into the sink row's value columns. */
  @FunctionalInterface
  public interface StoredRows {
    /** The value columns of the table row, or null when the entry is not a row of the table. */
    List<Object> value(List<Object> key, Object stored, Long windowStart, Long windowEnd);
  }
}
