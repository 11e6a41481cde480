package io.rtdp.ksql.engine.topology;

import io.rtdp.ksql.engine.expression.Evaluator;
import io.rtdp.ksql.engine.metastore.DataSource;
import io.rtdp.ksql.engine.parser.WindowSpec;
import io.rtdp.ksql.engine.serde.InternalCodec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KGroupedStream;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.SessionWindows;
import org.apache.kafka.streams.kstream.EmitStrategy;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;

/** Builds the Kafka Streams topology of a planned query, ending in its {@link QueryOutput}. */
public final class TopologyFactory {
  /** The aggregation's state store; pull queries read it by this name. */
  static final String AGGREGATE_STORE = "Aggregate-Aggregate-Materialize";

  private final String queryId;
  private final ProcessingLog log;
  private final InternalCodec codec = new InternalCodec();

  public TopologyFactory(String queryId, ProcessingLog log) {
    this.queryId = queryId;
    this.log = log;
  }

  /** Filter/project (and PARTITION BY NULL) from a stream or a table into the output. */
  public BuiltTopology stateless(DataSource source, QueryOutput output, Evaluator where, Evaluator[] newKey,
      Evaluator[] values, Evaluator timestamp, int rowWidth, Evaluator[] tableFunctions) {
    StreamsBuilder builder = new StreamsBuilder();
    RowSelector selector = new RowSelector(queryId, log, where, newKey, values, timestamp, rowWidth,
        source.schema().key().size());
    OutputWriter writer = new OutputWriter(output);
    if (source.isTable()) {
      KTable<List<Object>, Object[]> table = SourceBuilder.table(builder, source, codec, log, queryId);
      writer.write(table.filter((k, row) -> selector.passes(row), Named.as("Where")).mapValues((k, row) -> {
        RowSelector.Selected s = selector.select(k, row);
        return s == null ? null : s.value();
      }, Named.as("Project")).toStream(), "KsqlTopic-Sink", source.isWindowed());
      // The source's own store holds the input rows: WHERE and the projection apply on read.
      return new BuiltTopology(builder.build(), new Materialization(SourceBuilder.storeName("KsqlTopic"),
          Materialization.StoreKind.KEY_VALUE, (key, stored, start, end) -> selected(selector, key, stored)));
    }
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
    writer.write(out, "KsqlTopic-Sink", source.isWindowed());
    return new BuiltTopology(builder.build(), null);
  }

  /** The value columns a stored input row selects to, or null when WHERE filters it out. */
  static List<Object> selected(RowSelector selector, List<Object> key, Object stored) {
    Object[] row = (Object[]) stored;
    if (row == null || !selector.passes(row)) {
      return null;
    }
    RowSelector.Selected s = selector.select(key, row);
    return s == null ? null : s.value();
  }

  /** CREATE SOURCE TABLE: the table's topic kept in a store for pull queries; writes nothing. */
  public BuiltTopology materialize(DataSource table) {
    StreamsBuilder builder = new StreamsBuilder();
    SourceBuilder.table(builder, table, codec, log, queryId);
    int keys = table.schema().key().size();
    int values = table.schema().value().size();
    return new BuiltTopology(builder.build(), new Materialization(SourceBuilder.storeName("KsqlTopic"),
        Materialization.StoreKind.KEY_VALUE, (key, stored, start, end) -> stored == null ? null
            : new ArrayList<>(Arrays.asList((Object[]) stored).subList(keys, keys + values))));
  }

  /** A two-source join followed by WHERE and the projection. */
  public BuiltTopology join(JoinSpec spec, QueryOutput output, Evaluator where, Evaluator[] values,
      Evaluator timestamp) {
    RowSelector selector = new RowSelector(queryId, log, where, null, values, timestamp, spec.width(), 0);
    return new JoinTopology(queryId, log, codec).build(spec, selector, output);
  }

  /** PARTITION BY: WHERE and the new key on the source row, the projection on the re-laid row. */
  public BuiltTopology partitionBy(DataSource source, QueryOutput output, Evaluator where, Evaluator[] newKey,
      Evaluator[] relayout, Evaluator[] values, int rowWidth) {
    StreamsBuilder builder = new StreamsBuilder();
    RowSelector selector = new RowSelector(queryId, log, where, newKey, values, null, rowWidth,
        source.schema().key().size()).withRelayout(relayout);
    new OutputWriter(output).write(SourceBuilder.stream(builder, source, log, queryId)
        .process(() -> new RekeyProcessor(selector), Named.as("PartitionBy-Project")), "KsqlTopic-Sink", false);
    return new BuiltTopology(builder.build(), null);
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
  public BuiltTopology aggregate(RowInput source, QueryOutput output, Evaluator where, Evaluator[] groupBy,
      boolean keyUnchanged, AggregateSpec aggregates, WindowSpec window, boolean emitFinal, Evaluator having,
      Evaluator[] projection) {
    StreamsBuilder builder = new StreamsBuilder();
    Serde<List<Object>> keySerde = codec.listSerde();
    Serde<Object[]> rowSerde = codec.rowSerde();
    Serde<List<Object>> accSerde = codec.listSerde();
    AggregateOutput result = new AggregateOutput(queryId, log, aggregates, groupBy.length, having, projection);
    OutputWriter writer = new OutputWriter(output);
    // The aggregate's store holds the accumulators: HAVING and the projection apply on read.
    Materialization.StoredRows stored = (key, acc, start, end) -> {
      @SuppressWarnings("unchecked")
      List<Object> a = (List<Object>) acc;
      return a != null && result.passes(key, a, start, end) ? result.value(key, a, start, end) : null;
    };
    Materialized<List<Object>, List<Object>, KeyValueStore<Bytes, byte[]>> kvStore =
        Materialized.<List<Object>, List<Object>, KeyValueStore<Bytes, byte[]>>as(AGGREGATE_STORE)
            .withKeySerde(keySerde).withValueSerde(accSerde);
    Materialization kvMaterialization =
        new Materialization(AGGREGATE_STORE, Materialization.StoreKind.KEY_VALUE, stored);
    if (source.isTable()) {
      KTable<List<Object>, Object[]> table = source.table().apply(builder);
      KTable<List<Object>, List<Object>> aggregated = table
          .groupBy((k, row) -> KeyValue.pair(GroupKeyProcessor.key(queryId, log, where, groupBy, row), row),
              Grouped.with("Aggregate-GroupBy", keySerde, rowSerde))
          .aggregate(aggregates::initialize, (k, row, acc) -> aggregates.aggregate(row, acc),
              (k, row, acc) -> aggregates.undo(row, acc), Named.as("Aggregate-Aggregate"), kvStore);
      writer.write(aggregated.filter((k, acc) -> result.passes(k, acc, null, null), Named.as("Aggregate-Having"))
          .toStream()
          .mapValues((k, acc) -> result.value(k, acc, null, null), Named.as("Aggregate-Project")), null, false);
      return new BuiltTopology(builder.build(), kvMaterialization);
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
      writer.write(grouped.aggregate(aggregates::initialize, (k, row, acc) -> aggregates.aggregate(row, acc),
              Named.as("Aggregate-Aggregate"), kvStore)
          .filter((k, acc) -> result.passes(k, acc, null, null), Named.as("Aggregate-Having"))
          .toStream()
          .mapValues((k, acc) -> result.value(k, acc, null, null), Named.as("Aggregate-Project")), null, false);
      return new BuiltTopology(builder.build(), kvMaterialization);
    }
    KTable<Windowed<List<Object>>, List<Object>> windowed = windowedAggregate(grouped, aggregates, window, keySerde,
        accSerde, emitFinal ? EmitStrategy.onWindowClose() : EmitStrategy.onWindowUpdate());
    writer.writeWindowed(windowed.filter((k, acc) -> result.passes(k.key(), acc, k.window().start(),
                k.window().end()), Named.as("Aggregate-Having"))
        .toStream()
        .mapValues((k, acc) -> result.value(k.key(), acc, k.window().start(), k.window().end()),
            Named.as("Aggregate-Project")));
    return new BuiltTopology(builder.build(), new Materialization(AGGREGATE_STORE,
        window.type() == WindowSpec.Type.SESSION ? Materialization.StoreKind.SESSION : Materialization.StoreKind.WINDOW,
        stored));
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
              Materialized.<List<Object>, List<Object>>as(
                  new KeyedSessionStoreSupplier(AGGREGATE_STORE, WindowDefinition.retention(window, emitFinal).toMillis()))
                  .withKeySerde(keySerde).withValueSerde(accSerde));
    }
    TimeWindows windows = TimeWindows.ofSizeAndGrace(size, grace);
    if (window.type() == WindowSpec.Type.HOPPING) {
      windows = windows.advanceBy(Duration.ofMillis(window.advanceMs()));
    }
    return grouped.windowedBy(windows)
        .emitStrategy(emit)
        .aggregate(aggregates::initialize, (k, row, acc) -> aggregates.aggregate(row, acc),
            Named.as("Aggregate-Aggregate"),
            Materialized.<List<Object>, List<Object>, WindowStore<Bytes, byte[]>>as(AGGREGATE_STORE)
                .withKeySerde(keySerde).withValueSerde(accSerde).withRetention(WindowDefinition.retention(window, emitFinal)));
  }
}
