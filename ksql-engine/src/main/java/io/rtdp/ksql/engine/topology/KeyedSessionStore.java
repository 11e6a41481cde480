package io.rtdp.ksql.engine.topology;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ConcurrentSkipListSet;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.kstream.internals.SessionWindow;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.query.Position;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.SessionStore;
import org.apache.kafka.streams.state.internals.SessionKeySchema;

/**
 * The sessions of a session-window aggregation, in memory, indexed by key first and by end time
 * second, backed by the changelog that Kafka Streams' logging layer writes (and restored from it).
 *
 * <p>Why not Kafka Streams' own session stores: each record of a key moves its session's end, and
 * since they key a session by its end, the aggregation deletes the old session and writes the new
 * one. The RocksDB stores keep every deletion as a tombstone until compaction, and the per-record
 * lookup of the key's sessions steps over all the tombstones of the key's current session (at 25
 * records a second per key and a 2-minute gap, thousands per record). The in-memory store has no
 * tombstones but finds a key's sessions by walking the sessions of all keys ending in the gap. Here
 * a lookup reads one key's few sessions, so its cost depends neither on the key's rate nor on the
 * number of keys.
 *
 * <p>As in Kafka Streams' RocksDB store, look-ups by key no longer see a session whose end is a
 * retention or more behind stream time, but it is kept for a slack as long as the RocksDB store's
 * segments (which it drops whole): EMIT FINAL, which looks for closed sessions by end time at most
 * once per emit interval, still finds a session that closed when its retention ended.
 */
final class KeyedSessionStore implements SessionStore<Bytes, byte[]> {
  /** A null key sorts first: (end, null, MIN_VALUE) is the lowest entry of that end time. */
  private static final Comparator<Ended> BY_END = Comparator.comparingLong(Ended::end)
      .thenComparing(Ended::key, Comparator.nullsFirst(Comparator.naturalOrder())).thenComparingLong(Ended::start);

  private final String name;
  private final long retentionMs;
  private final long keepMs;
  /** Each key's sessions by (end, start). */
  private final ConcurrentSkipListMap<Bytes, ConcurrentSkipListMap<Bounds, byte[]>> byKey =
      new ConcurrentSkipListMap<>();
  /** Every session by (end, key, start): closed sessions and expiry are found by end time. */
  private final ConcurrentSkipListSet<Ended> byEnd = new ConcurrentSkipListSet<>(BY_END);
  /** The input offsets the store reflects, which Kafka Streams reads to check query consistency. */
  private final Position position = Position.emptyPosition();
  private StateStoreContext context;
  private volatile boolean open;
  /** The latest session end written; read by pull queries' threads too. */
  private volatile long streamTime = Long.MIN_VALUE;

  KeyedSessionStore(String name, long retentionMs, long slackMs) {
    this.name = name;
    this.retentionMs = retentionMs;
    this.keepMs = retentionMs + slackMs;
  }

  private record Bounds(long end, long start) implements Comparable<Bounds> {
    @Override
    public int compareTo(Bounds o) {
      int c = Long.compare(end, o.end);
      return c != 0 ? c : Long.compare(start, o.start);
    }
  }

  private record Ended(long end, Bytes key, long start) {}

  @Override
  public String name() {
    return name;
  }

  @Override
  public void init(StateStoreContext context, StateStore root) {
    this.context = context;
    context.register(root, (key, value) -> {
      Windowed<Bytes> session = SessionKeySchema.from(Bytes.wrap(key));
      if (value == null) {
        remove(session);
      } else {
        put(session, value);
      }
    });
    open = true;
  }

  @Override
  public void put(Windowed<Bytes> session, byte[] aggregate) {
    context.recordMetadata().ifPresent(m -> position.withComponent(m.topic(), m.partition(), m.offset()));
    if (aggregate == null) {
      remove(session);
      return;
    }
    long start = session.window().start();
    long end = session.window().end();
    byKey.computeIfAbsent(session.key(), k -> new ConcurrentSkipListMap<>()).put(new Bounds(end, start), aggregate);
    byEnd.add(new Ended(end, session.key(), start));
    if (end > streamTime) {
      streamTime = end;
      expire();
    }
  }

  @Override
  public Position getPosition() {
    return position;
  }

  @Override
  public void remove(Windowed<Bytes> session) {
    long start = session.window().start();
    long end = session.window().end();
    ConcurrentSkipListMap<Bounds, byte[]> sessions = byKey.get(session.key());
    if (sessions != null && sessions.remove(new Bounds(end, start)) != null) {
      byEnd.remove(new Ended(end, session.key(), start));
      if (sessions.isEmpty()) {
        byKey.remove(session.key(), sessions);
      }
    }
  }

  private void expire() {
    while (!byEnd.isEmpty() && byEnd.first().end() < streamTime - keepMs) {
      Ended e = byEnd.first();
      remove(new Windowed<>(e.key(), new SessionWindow(e.start(), e.end())));
    }
  }

  @Override
  public byte[] fetchSession(Bytes key, long start, long end) {
    ConcurrentSkipListMap<Bounds, byte[]> sessions = byKey.get(key);
    return sessions == null || end < liveFrom() ? null : sessions.get(new Bounds(end, start));
  }

  /** The earliest end of a session that look-ups by key still see. */
  private long liveFrom() {
    long now = streamTime;
    return now == Long.MIN_VALUE ? Long.MIN_VALUE : now - retentionMs + 1;
  }

  /** The key's sessions that end at or after {@code earliestEnd} and start at or before {@code latestStart}. */
  @Override
  public KeyValueIterator<Windowed<Bytes>, byte[]> findSessions(Bytes key, long earliestEnd, long latestStart) {
    return iterator(sessionsOf(key, earliestEnd, latestStart));
  }

  @Override
  public KeyValueIterator<Windowed<Bytes>, byte[]> backwardFindSessions(Bytes key, long earliestEnd,
      long latestStart) {
    return iterator(reversed(sessionsOf(key, earliestEnd, latestStart)));
  }

  @Override
  public KeyValueIterator<Windowed<Bytes>, byte[]> findSessions(Bytes keyFrom, Bytes keyTo, long earliestEnd,
      long latestStart) {
    return iterator(sessionsIn(keyFrom, keyTo, earliestEnd, latestStart));
  }

  @Override
  public KeyValueIterator<Windowed<Bytes>, byte[]> backwardFindSessions(Bytes keyFrom, Bytes keyTo,
      long earliestEnd, long latestStart) {
    return iterator(reversed(sessionsIn(keyFrom, keyTo, earliestEnd, latestStart)));
  }

  /** Every session ending in [{@code earliestEnd}, {@code latestEnd}], by end time (EMIT FINAL's look-up). */
  @Override
  public KeyValueIterator<Windowed<Bytes>, byte[]> findSessions(long earliestEnd, long latestEnd) {
    List<KeyValue<Windowed<Bytes>, byte[]>> out = new ArrayList<>();
    if (earliestEnd <= latestEnd) {
      NavigableSet<Ended> range = latestEnd == Long.MAX_VALUE
          ? byEnd.tailSet(new Ended(earliestEnd, null, Long.MIN_VALUE), true)
          : byEnd.subSet(new Ended(earliestEnd, null, Long.MIN_VALUE), true, new Ended(latestEnd + 1, null, Long.MIN_VALUE),
              false);
      for (Ended e : range) {
        ConcurrentSkipListMap<Bounds, byte[]> sessions = byKey.get(e.key());
        byte[] value = sessions == null ? null : sessions.get(new Bounds(e.end(), e.start()));
        if (value != null) {
          out.add(KeyValue.pair(new Windowed<>(e.key(), new SessionWindow(e.start(), e.end())), value));
        }
      }
    }
    return iterator(out);
  }

  @Override
  public KeyValueIterator<Windowed<Bytes>, byte[]> fetch(Bytes key) {
    return findSessions(key, 0, Long.MAX_VALUE);
  }

  @Override
  public KeyValueIterator<Windowed<Bytes>, byte[]> backwardFetch(Bytes key) {
    return backwardFindSessions(key, 0, Long.MAX_VALUE);
  }

  @Override
  public KeyValueIterator<Windowed<Bytes>, byte[]> fetch(Bytes keyFrom, Bytes keyTo) {
    return findSessions(keyFrom, keyTo, 0, Long.MAX_VALUE);
  }

  @Override
  public KeyValueIterator<Windowed<Bytes>, byte[]> backwardFetch(Bytes keyFrom, Bytes keyTo) {
    return backwardFindSessions(keyFrom, keyTo, 0, Long.MAX_VALUE);
  }

  private List<KeyValue<Windowed<Bytes>, byte[]>> sessionsOf(Bytes key, long earliestEnd, long latestStart) {
    ConcurrentSkipListMap<Bounds, byte[]> sessions = byKey.get(key);
    if (sessions == null) {
      return List.of();
    }
    List<KeyValue<Windowed<Bytes>, byte[]>> out = new ArrayList<>(2);
    long from = Math.max(earliestEnd, liveFrom());
    for (Map.Entry<Bounds, byte[]> e : sessions.tailMap(new Bounds(from, Long.MIN_VALUE)).entrySet()) {
      if (e.getKey().start() <= latestStart) {
        out.add(KeyValue.pair(new Windowed<>(key, new SessionWindow(e.getKey().start(), e.getKey().end())),
            e.getValue()));
      }
    }
    return out;
  }

  /** The sessions of the keys in [from, to] (a null bound is open), by key, end, start. */
  private List<KeyValue<Windowed<Bytes>, byte[]>> sessionsIn(Bytes from, Bytes to, long earliestEnd, long latestStart) {
    NavigableMap<Bytes, ?> range = byKey;
    if (from != null) {
      range = range.tailMap(from, true);
    }
    if (to != null) {
      range = range.headMap(to, true);
    }
    List<KeyValue<Windowed<Bytes>, byte[]>> out = new ArrayList<>();
    for (Bytes key : range.keySet()) {
      out.addAll(sessionsOf(key, earliestEnd, latestStart));
    }
    return out;
  }

  private static <T> List<T> reversed(List<T> list) {
    List<T> copy = new ArrayList<>(list);
    Collections.reverse(copy);
    return copy;
  }

  private static KeyValueIterator<Windowed<Bytes>, byte[]> iterator(List<KeyValue<Windowed<Bytes>, byte[]>> rows) {
    return new KeyedIterator(rows);
  }

  /** Results are copied out at the look-up: the stream thread may change the maps while a pull query reads. */
  private static final class KeyedIterator implements KeyValueIterator<Windowed<Bytes>, byte[]> {
    private final List<KeyValue<Windowed<Bytes>, byte[]>> rows;
    private int next;

    KeyedIterator(List<KeyValue<Windowed<Bytes>, byte[]>> rows) {
      this.rows = rows;
    }

    @Override
    public boolean hasNext() {
      return next < rows.size();
    }

    @Override
    public KeyValue<Windowed<Bytes>, byte[]> next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return rows.get(next++);
    }

    @Override
    public Windowed<Bytes> peekNextKey() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return rows.get(next).key;
    }

    @Override
    public void close() {}
  }

  @Override
  public void close() {
    open = false;
    byKey.clear();
    byEnd.clear();
    // A store closed and initialized again (a task revived) restores from its changelog anew.
    streamTime = Long.MIN_VALUE;
  }

  @Override
  public boolean persistent() {
    return false;
  }

  @Override
  public boolean isOpen() {
    return open;
  }
}
