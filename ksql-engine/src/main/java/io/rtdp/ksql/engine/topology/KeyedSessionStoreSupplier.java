package io.rtdp.ksql.engine.topology;

import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.SessionBytesStoreSupplier;
import org.apache.kafka.streams.state.SessionStore;

/**
 * Supplies {@link KeyedSessionStore}s to a session-window aggregation. The slack past the retention
 * is what Kafka Streams' RocksDB session store keeps at most: half the retention, at least a minute.
 */
final class KeyedSessionStoreSupplier implements SessionBytesStoreSupplier {
  private static final long MIN_SLACK_MS = 60_000L;

  private final String name;
  private final long retentionMs;

  KeyedSessionStoreSupplier(String name, long retentionMs) {
    this.name = name;
    this.retentionMs = retentionMs;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public SessionStore<Bytes, byte[]> get() {
    return new KeyedSessionStore(name, retentionMs, segmentIntervalMs());
  }

  @Override
  public String metricsScope() {
    return "keyed-session";
  }

  @Override
  public long segmentIntervalMs() {
    return Math.max(retentionMs / 2, MIN_SLACK_MS);
  }

  @Override
  public long retentionPeriod() {
    return retentionMs;
  }
}
