package io.rtdp.ksql.engine.pull;

import io.rtdp.ksql.engine.query.PullQuery;
import io.rtdp.ksql.engine.query.ResultColumn;
import io.rtdp.ksql.engine.query.ResultRow;
import io.rtdp.ksql.engine.query.StoreAccess;
import io.rtdp.ksql.engine.topology.Materialization;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ReadOnlySessionStore;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * A pull query on a table a persistent query keeps in a state store. Each stored entry becomes a
 * row of the table laid out as key columns, value columns, ROWTIME and, for windowed tables,
 * WINDOWSTART and WINDOWEND; WHERE and the projection run on that row. Key lookups are store gets.
 */
public final class TablePullQuery implements PullQuery {
  private final String queryId;
  private final List<ResultColumn> columns;
  private final String persistentQueryId;
  private final Materialization materialization;
  private final KeyLookup lookup;
  private final Long windowSizeMs;
  private final int keyCount;
  private final int valueCount;
  private final RowProjection projection;
  private final Integer limit;

  /** {@code windowSizeMs}: the size of tumbling and hopping windows, whose end the store does not keep. */
  public TablePullQuery(String queryId, List<ResultColumn> columns, String persistentQueryId,
      Materialization materialization, KeyLookup lookup, Long windowSizeMs, int keyCount, int valueCount,
      RowProjection projection, Integer limit) {
    this.queryId = queryId;
    this.columns = List.copyOf(columns);
    this.persistentQueryId = persistentQueryId;
    this.materialization = materialization;
    this.lookup = lookup;
    this.windowSizeMs = windowSizeMs;
    this.keyCount = keyCount;
    this.valueCount = valueCount;
    this.projection = projection;
    this.limit = limit;
  }

  @Override
  public String queryId() {
    return queryId;
  }

  @Override
  public List<ResultColumn> columns() {
    return columns;
  }

  @Override
  public String persistentQueryId() {
    return persistentQueryId;
  }

  @Override
  public Integer limit() {
    return limit;
  }

  public KeyLookup lookup() {
    return lookup;
  }

  @Override
  public List<ResultRow> execute(StoreAccess stores) {
    Results results = new Results(projection, limit);
    if (limit != null && limit == 0) {
      return results.rows();
    }
    switch (materialization.kind()) {
      case KEY_VALUE -> readKeyValue(stores, results);
      case WINDOW -> readWindows(stores, results);
      case SESSION -> readSessions(stores, results);
    }
    return results.rows();
  }

  private void readKeyValue(StoreAccess stores, Results results) {
    ReadOnlyKeyValueStore<List<Object>, ValueAndTimestamp<Object>> store = stores.store(persistentQueryId,
        materialization.storeName(), QueryableStoreTypes.timestampedKeyValueStore());
    if (!lookup.isScan()) {
      for (List<Object> key : lookup.keys()) {
        ValueAndTimestamp<Object> v = store.get(key);
        if (v != null) {
          offer(results, key, v.value(), v.timestamp(), null, null);
        }
      }
      return;
    }
    try (KeyValueIterator<List<Object>, ValueAndTimestamp<Object>> it = store.all()) {
      while (it.hasNext() && !results.full()) {
        KeyValue<List<Object>, ValueAndTimestamp<Object>> e = it.next();
        if (e.value != null) {
          offer(results, e.key, e.value.value(), e.value.timestamp(), null, null);
        }
      }
    }
  }

  private void readWindows(StoreAccess stores, Results results) {
    ReadOnlyWindowStore<List<Object>, ValueAndTimestamp<Object>> store = stores.store(persistentQueryId,
        materialization.storeName(), QueryableStoreTypes.timestampedWindowStore());
    Instant from = Instant.ofEpochMilli(lookup.startFrom());
    Instant to = Instant.ofEpochMilli(lookup.startTo());
    if (!lookup.isScan()) {
      for (List<Object> key : lookup.keys()) {
        try (WindowStoreIterator<ValueAndTimestamp<Object>> it = store.fetch(key, from, to)) {
          while (it.hasNext() && !results.full()) {
            KeyValue<Long, ValueAndTimestamp<Object>> e = it.next();
            offer(results, key, e.value.value(), e.value.timestamp(), e.key, e.key + windowSizeMs);
          }
        }
      }
      return;
    }
    try (KeyValueIterator<Windowed<List<Object>>, ValueAndTimestamp<Object>> it = store.fetchAll(from, to)) {
      while (it.hasNext() && !results.full()) {
        KeyValue<Windowed<List<Object>>, ValueAndTimestamp<Object>> e = it.next();
        long start = e.key.window().start();
        offer(results, e.key.key(), e.value.value(), e.value.timestamp(), start, start + windowSizeMs);
      }
    }
  }

  private void readSessions(StoreAccess stores, Results results) {
    ReadOnlySessionStore<List<Object>, Object> store = stores.store(persistentQueryId,
        materialization.storeName(), QueryableStoreTypes.sessionStore());
    if (!lookup.isScan()) {
      for (List<Object> key : lookup.keys()) {
        try (KeyValueIterator<Windowed<List<Object>>, Object> it = store.fetch(key)) {
          readSessions(it, results);
        }
      }
      return;
    }
    try (KeyValueIterator<Windowed<List<Object>>, Object> it = store.fetch(null, null)) {
      readSessions(it, results);
    }
  }

  /** A session's row time is its end: the time of its last record. */
  private void readSessions(KeyValueIterator<Windowed<List<Object>>, Object> it, Results results) {
    while (it.hasNext() && !results.full()) {
      KeyValue<Windowed<List<Object>>, Object> e = it.next();
      long start = e.key.window().start();
      long end = e.key.window().end();
      if (start >= lookup.startFrom() && start <= lookup.startTo()) {
        offer(results, e.key.key(), e.value, end, start, end);
      }
    }
  }

  private void offer(Results results, List<Object> key, Object stored, long rowTime, Long windowStart,
      Long windowEnd) {
    List<Object> value = materialization.rows().value(key, stored, windowStart, windowEnd);
    if (value == null) {
      return;
    }
    boolean windowed = windowStart != null;
    Object[] row = new Object[keyCount + valueCount + (windowed ? 3 : 1)];
    for (int i = 0; i < keyCount; i++) {
      row[i] = key.get(i);
    }
    for (int i = 0; i < valueCount; i++) {
      row[keyCount + i] = value.get(i);
    }
    row[keyCount + valueCount] = rowTime;
    if (windowed) {
      row[keyCount + valueCount + 1] = windowStart;
      row[keyCount + valueCount + 2] = windowEnd;
    }
    results.offer(row);
  }
}
