package io.rtdp.ksql.engine.pull;

import io.rtdp.ksql.engine.metastore.DataSource;
import io.rtdp.ksql.engine.query.PullQuery;
import io.rtdp.ksql.engine.query.ResultColumn;
import io.rtdp.ksql.engine.query.ResultRow;
import io.rtdp.ksql.engine.query.StoreAccess;
import io.rtdp.ksql.engine.query.StreamScan;
import io.rtdp.ksql.engine.topology.SourceSerdes;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.kstream.Windowed;

/**
 * A pull query on a stream: the server scans the topic; each record is decoded into the stream's
 * row (key columns, value columns, ROWTIME, ROWPARTITION, ROWOFFSET and, for windowed streams,
 * WINDOWSTART and WINDOWEND), on which WHERE and the projection run.
 */
public final class StreamPullQuery implements PullQuery, StreamScan {
  private final String queryId;
  private final List<ResultColumn> columns;
  private final DataSource source;
  private final RowProjection projection;
  private final Integer limit;
  private final Deserializer<List<Object>> keys;
  private final Deserializer<Windowed<List<Object>>> windowedKeys;
  private final Deserializer<List<Object>> values;

  public StreamPullQuery(String queryId, List<ResultColumn> columns, DataSource source, RowProjection projection,
      Integer limit) {
    this.queryId = queryId;
    this.columns = List.copyOf(columns);
    this.source = source;
    this.projection = projection;
    this.limit = limit;
    this.keys = source.isWindowed() ? null : SourceSerdes.key(source).deserializer();
    this.windowedKeys = source.isWindowed() ? SourceSerdes.windowedKey(source).deserializer() : null;
    this.values = SourceSerdes.value(source).deserializer();
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
    return null;
  }

  @Override
  public List<ResultRow> execute(StoreAccess stores) {
    throw new IllegalStateException("A pull query on a stream is a topic scan: run it through streamScan()");
  }

  @Override
  public Integer limit() {
    return limit;
  }

  @Override
  public Optional<StreamScan> streamScan() {
    return Optional.of(this);
  }

  @Override
  public String topic() {
    return source.topic();
  }

  @Override
  public Optional<ResultRow> decode(ConsumerRecord<byte[], byte[]> record) {
    if (record.value() == null) {
      return Optional.empty();
    }
    List<Object> key;
    Windowed<List<Object>> windowed = null;
    List<Object> value;
    try {
      if (windowedKeys != null) {
        windowed = record.key() == null ? null : windowedKeys.deserialize(record.topic(), record.headers(), record.key());
        key = windowed == null ? null : windowed.key();
      } else {
        key = keys.deserialize(record.topic(), record.headers(), record.key());
      }
      value = values.deserialize(record.topic(), record.headers(), record.value());
    } catch (RuntimeException undecodable) {
      // As in persistent queries, a record that does not decode is skipped.
      return Optional.empty();
    }
    if (value == null) {
      return Optional.empty();
    }
    int keyCount = source.schema().key().size();
    int valueCount = source.schema().value().size();
    Object[] row = new Object[keyCount + valueCount + (source.isWindowed() ? 5 : 3)];
    for (int i = 0; i < keyCount && key != null; i++) {
      row[i] = key.get(i);
    }
    for (int i = 0; i < valueCount; i++) {
      row[keyCount + i] = value.get(i);
    }
    int at = keyCount + valueCount;
    row[at] = record.timestamp();
    row[at + 1] = record.partition();
    row[at + 2] = record.offset();
    if (windowed != null) {
      row[at + 3] = windowed.window().start();
      row[at + 4] = windowed.window().end();
    }
    return Optional.ofNullable(projection.apply(row));
  }
}
