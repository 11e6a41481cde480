package io.rtdp.ksql.engine.topology;

import io.rtdp.ksql.engine.expression.Evaluator;
import io.rtdp.ksql.engine.metastore.DataSource;
import io.rtdp.ksql.engine.parser.WindowSpec;
import io.rtdp.ksql.engine.serde.InternalCodec;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KGroupedStream;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.SessionWindows;
import org.apache.kafka.streams.kstream.EmitStrategy;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.SessionStore;
import org.apache.kafka.streams.state.WindowStore;

/** Builds the Kafka Streams topology of a planned persistent query. */
public final class TopologyFactory {
  private final String queryId;
  private final ProcessingLog log;
  private final InternalCodec codec = new InternalCodec();

  public TopologyFactory(String queryId, ProcessingLog log) {
    this.queryId = queryId;
    this.log = log;
  }

  /** Filter/project (and PARTITION BY) from a stream or a table into the sink. */
  public Topology stateless(DataSource source, DataSource sink, Evaluator where, Evaluator[] newKey,
      Evaluator[] values, Evaluator timestamp, int rowWidth, Evaluator[] tableFunctions) {
    StreamsBuilder builder = new StreamsBuilder();
    RowSelector selector = new RowSelector(queryId, log, where, newKey, values, timestamp, rowWidth,
        source.schema().key().size());
    Produced<List<Object>, List<Object>> produced = Produced.with(
        sink.isWindowed() ? SourceSerdes.windowedListKey(sink) : SourceSerdes.key(sink), SourceSerdes.value(sink))
        .withName("KsqlTopic-Sink");
    if (source.isTable()) {
      KTable<List<Object>, Object[]> table = SourceBuilder.table(builder, source, codec, log, queryId);
      table.filter((k, row) -> selector.passes(row), Named.as("Where")).mapValues((k, row) -> {
        RowSelector.Selected s = selector.select(k, row);
        return s == null ? null : s.value();
      }, Named.as("Project")).toStream().to(sink.topic(), produced);
    } else {
      KStream<List<Object>, Object[]> stream = SourceBuilder.stream(builder, source, log, queryId);
      KStream<List<Object>, List<Object>> out;
      if (tableFunctions.length > 0) {
        out = stream.processValues(() -> new TableFunctionProcessor(queryId, log, tableFunctions, selector),
            Named.as("FlatMap-Project"));
      } else if (newKey == null) {
        out = stream.processValues(() -> new SelectProcessor(selector), Named.as("Project"));
      } else {
        out = stream.process(() -> new RekeyProcessor(selector), Named.as("PartitionBy-Project"));
      }
      out.to(sink.topic(), produced);
    }
    return builder.build();
  }

  /** A two-source join followed by WHERE and the projection. */
  public Topology join(JoinSpec spec, DataSource sink, Evaluator where, Evaluator[] values, Evaluator timestamp) {
    RowSelector selector = new RowSelector(queryId, log, where, null, values, timestamp, spec.width(), 0);
    return new JoinTopology(queryId, log, codec).build(spec, selector, sink);
  }

  /** PARTITION BY: WHERE and the new key on the source row, the projection on the re-laid row. */
  public Topology partitionBy(DataSource source, DataSource sink, Evaluator where, Evaluator[] newKey,
      Evaluator[] relayout, Evaluator[] values, int rowWidth) {
    StreamsBuilder builder = new StreamsBuilder();
    RowSelector selector = new RowSelector(queryId, log, where, newKey, values, null, rowWidth,
        source.schema().key().size()).withRelayout(relayout);
    SourceBuilder.stream(builder, source, log, queryId)
        .process(() -> new RekeyProcessor(selector), Named.as("PartitionBy-Project"))
        .to(sink.topic(), Produced.with(SourceSerdes.key(sink), SourceSerdes.value(sink)).withName("KsqlTopic-Sink"));
    return builder.build();
  }

  /** Rows read from a source topic. */
  public RowInput source(DataSource source) {
    return source.isTable()
        ? new RowInput(null, b -> SourceBuilder.table(b, source, codec, log, queryId))
        : new RowInput(b -> SourceBuilder.stream(b, source, log, queryId), null);
  }

  /** Rows of a join of sources. */
  public RowInput joined(JoinSpec spec) {
    return new JoinTopology(queryId, log, codec).input(spec);
  }

  /**
   * GROUP BY aggregation, optionally windowed. {@code keyUnchanged} avoids a repartition when the
   * grouping is the input's key.
   */
  public Topology aggregate(RowInput source, DataSource sink, Evaluator where, Evaluator[] groupBy,
      boolean keyUnchanged, AggregateSpec aggregates, WindowSpec window, boolean emitFinal, Evaluator having,
      Evaluator[] projection) {
    StreamsBuilder builder = new StreamsBuilder();
    Serde<List<Object>> keySerde = codec.listSerde();
    Serde<Object[]> rowSerde = codec.rowSerde();
    Serde<List<Object>> accSerde = codec.listSerde();
    AggregateOutput output = new AggregateOutput(queryId, log, aggregates, groupBy.length, having, projection);
    Materialized<List<Object>, List<Object>, KeyValueStore<Bytes, byte[]>> kvStore =
        Materialized.<List<Object>, List<Object>, KeyValueStore<Bytes, byte[]>>as("Aggregate-Aggregate-Materialize")
            .withKeySerde(keySerde).withValueSerde(accSerde);
    if (source.isTable()) {
      KTable<List<Object>, Object[]> table = source.table().apply(builder);
      KTable<List<Object>, List<Object>> aggregated = table
          .groupBy((k, row) -> KeyValue.pair(GroupKeyProcessor.key(queryId, log, where, groupBy, row), row),
              Grouped.with("Aggregate-GroupBy", keySerde, rowSerde))
          .aggregate(aggregates::initialize, (k, row, acc) -> aggregates.aggregate(row, acc),
              (k, row, acc) -> aggregates.undo(row, acc), Named.as("Aggregate-Aggregate"), kvStore);
      aggregated.filter((k, acc) -> output.passes(k, acc, null, null), Named.as("Aggregate-Having"))
          .toStream()
          .mapValues((k, acc) -> output.value(k, acc, null, null), Named.as("Aggregate-Project"))
          .to(sink.topic(), Produced.with(SourceSerdes.key(sink), SourceSerdes.value(sink)));
      return builder.build();
    }
    KStream<List<Object>, Object[]> stream = source.stream().apply(builder);
    KGroupedStream<List<Object>, Object[]> grouped;
    if (keyUnchanged) {
      grouped = stream
          .filter((k, row) -> GroupKeyProcessor.key(queryId, log, where, groupBy, row) != null,
              Named.as("Aggregate-Prepare"))
          .groupByKey(Grouped.with("Aggregate-GroupBy", keySerde, rowSerde));
    } else {
      grouped = stream
          .process(() -> new GroupKeyProcessor(queryId, log, where, groupBy), Named.as("Aggregate-Prepare"))
          .groupByKey(Grouped.with("Aggregate-GroupBy", keySerde, rowSerde));
    }
    if (window == null) {
      grouped.aggregate(aggregates::initialize, (k, row, acc) -> aggregates.aggregate(row, acc),
              Named.as("Aggregate-Aggregate"), kvStore)
          .filter((k, acc) -> output.passes(k, acc, null, null), Named.as("Aggregate-Having"))
          .toStream()
          .mapValues((k, acc) -> output.value(k, acc, null, null), Named.as("Aggregate-Project"))
          .to(sink.topic(), Produced.with(SourceSerdes.key(sink), SourceSerdes.value(sink)));
      return builder.build();
    }
    KTable<Windowed<List<Object>>, List<Object>> windowed = windowedAggregate(grouped, aggregates, window, keySerde,
        accSerde, emitFinal ? EmitStrategy.onWindowClose() : EmitStrategy.onWindowUpdate());
    windowed.filter((k, acc) -> output.passes(k.key(), acc, k.window().start(), k.window().end()),
            Named.as("Aggregate-Having"))
        .toStream()
        .mapValues((k, acc) -> output.value(k.key(), acc, k.window().start(), k.window().end()),
            Named.as("Aggregate-Project"))
        .to(sink.topic(), Produced.with(SourceSerdes.windowedKey(sink), SourceSerdes.value(sink)));
    return builder.build();
  }

  private KTable<Windowed<List<Object>>, List<Object>> windowedAggregate(KGroupedStream<List<Object>, Object[]> grouped,
      AggregateSpec aggregates, WindowSpec window, Serde<List<Object>> keySerde, Serde<List<Object>> accSerde,
      EmitStrategy emit) {
    boolean emitFinal = emit.type() == EmitStrategy.StrategyType.ON_WINDOW_CLOSE;
    Duration grace = Duration.ofMillis(WindowDefinition.grace(window, emitFinal));
    Duration size = Duration.ofMillis(window.sizeMs());
    if (window.type() == WindowSpec.Type.SESSION) {
      return grouped.windowedBy(SessionWindows.ofInactivityGapAndGrace(size, grace))
          .emitStrategy(emit)
          .aggregate(aggregates::initialize, (k, row, acc) -> aggregates.aggregate(row, acc),
              (k, a, b) -> aggregates.merge(a, b), Named.as("Aggregate-Aggregate"),
              Materialized.<List<Object>, List<Object>, SessionStore<Bytes, byte[]>>as("Aggregate-Aggregate-Materialize")
                  .withKeySerde(keySerde).withValueSerde(accSerde).withRetention(WindowDefinition.retention(window, emitFinal)));
    }
    TimeWindows windows = TimeWindows.ofSizeAndGrace(size, grace);
    if (window.type() == WindowSpec.Type.HOPPING) {
      windows = windows.advanceBy(Duration.ofMillis(window.advanceMs()));
    }
    return grouped.windowedBy(windows)
        .emitStrategy(emit)
        .aggregate(aggregates::initialize, (k, row, acc) -> aggregates.aggregate(row, acc),
            Named.as("Aggregate-Aggregate"),
            Materialized.<List<Object>, List<Object>, WindowStore<Bytes, byte[]>>as("Aggregate-Aggregate-Materialize")
                .withKeySerde(keySerde).withValueSerde(accSerde).withRetention(WindowDefinition.retention(window, emitFinal)));
  }
}
