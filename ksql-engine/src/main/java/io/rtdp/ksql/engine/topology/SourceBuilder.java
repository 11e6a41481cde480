package io.rtdp.ksql.engine.topology;

import io.rtdp.ksql.engine.metastore.DataSource;
import io.rtdp.ksql.engine.serde.InternalCodec;
import java.util.List;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Windowed;

/**
 * Reads a source topic as a stream of rows, or materializes it as a table of rows. Records that
 * fail to deserialize are reported to the processing log and skipped ({@link Undecodable}).
 */
public final class SourceBuilder {
  private SourceBuilder() {}

  public static KStream<List<Object>, Object[]> stream(StreamsBuilder builder, DataSource source, ProcessingLog log,
      String queryId) {
    return stream(builder, source, log, queryId, "KsqlTopic");
  }

  /** {@code prefix} names the source's processors; joins need one per side. */
  public static KStream<List<Object>, Object[]> stream(StreamsBuilder builder, DataSource source, ProcessingLog log,
      String queryId, String prefix) {
    if (source.isWindowed()) {
      int keys = source.schema().key().size();
      int values = source.schema().value().size();
      Consumed<Windowed<List<Object>>, List<Object>> consumed = Consumed.with(
          Undecodable.tolerantWindowed(SourceSerdes.windowedKey(source)),
          Undecodable.tolerant(SourceSerdes.value(source), "value")).withName(prefix + "-Source");
      return builder.stream(source.topic(), consumed)
          .process(() -> new WindowedSourceRowProcessor(keys, values, log, queryId), Named.as(prefix + "-Rows"));
    }
    Consumed<List<Object>, List<Object>> consumed = Consumed.with(
        Undecodable.tolerant(SourceSerdes.key(source), "key"),
        Undecodable.tolerant(SourceSerdes.value(source), "value")).withName(prefix + "-Source");
    if (source.timestampColumn() != null) {
      String column = source.timestampColumn().column();
      int keyIndex = indexOf(source.schema().key(), column);
      boolean inKey = keyIndex >= 0;
      int index = inKey ? keyIndex : indexOf(source.schema().value(), column);
      consumed = consumed.withTimestampExtractor(
          new ColumnTimestampExtractor(inKey, index, source.timestampColumn().format(), log, queryId));
    }
    int keys = source.schema().key().size();
    int values = source.schema().value().size();
    return builder.stream(source.topic(), consumed)
        .processValues(() -> new SourceRowProcessor(keys, values, log, queryId), Named.as(prefix + "-Rows"));
  }

  /** Tables drop records with a NULL key and keep the latest row per key in a state store. */
  public static KTable<List<Object>, Object[]> table(StreamsBuilder builder, DataSource source, InternalCodec codec,
      ProcessingLog log, String queryId) {
    return table(builder, source, codec, log, queryId, "KsqlTopic");
  }

  public static KTable<List<Object>, Object[]> table(StreamsBuilder builder, DataSource source, InternalCodec codec,
      ProcessingLog log, String queryId, String prefix) {
    return stream(builder, source, log, queryId, prefix)
        .filter((k, v) -> k != null && !k.contains(null), Named.as(prefix + "-NonNullKey"))
        .toTable(Named.as(prefix + "-Reduce"),
            Materialized.<List<Object>, Object[], org.apache.kafka.streams.state.KeyValueStore<
                org.apache.kafka.common.utils.Bytes, byte[]>>as(storeName(prefix))
                .withKeySerde(codec.listSerde()).withValueSerde(codec.rowSerde()));
  }

  /** The store of a table source read with {@code prefix}. */
  static String storeName(String prefix) {
    return prefix + "-Reduce";
  }

  private static int indexOf(List<io.rtdp.ksql.engine.schema.Column> columns, String name) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).name().equals(name)) {
        return i;
      }
    }
    return -1;
  }
}
