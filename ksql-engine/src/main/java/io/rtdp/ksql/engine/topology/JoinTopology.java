package io.rtdp.ksql.engine.topology;

import io.rtdp.ksql.engine.KsqlException;
import io.rtdp.ksql.engine.expression.Evaluator;
import io.rtdp.ksql.engine.parser.Query;
import io.rtdp.ksql.engine.serde.InternalCodec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.JoinWindows;
import org.apache.kafka.streams.kstream.Joined;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.StreamJoined;
import org.apache.kafka.streams.kstream.TableJoined;
import org.apache.kafka.streams.state.KeyValueStore;

/** Builds the topology of a join query: the sources, re-keying, each Kafka Streams join, projection, sink. */
final class JoinTopology {
  /** The store of a table-table join's filtered rows; pull queries read it by this name. */
  static final String RESULT_STORE = "Join-Where-Materialize";

  private final String queryId;
  private final ProcessingLog log;
  private final InternalCodec codec;

  /** The rows joined so far: a stream or a table of combined rows keyed by the join value. */
  private record JoinedSoFar(KStream<List<Object>, Object[]> stream, KTable<List<Object>, Object[]> table) {}

  JoinTopology(String queryId, ProcessingLog log, InternalCodec codec) {
    this.queryId = queryId;
    this.log = log;
    this.codec = codec;
  }

  BuiltTopology build(JoinSpec spec, RowSelector selector, QueryOutput output) {
    StreamsBuilder builder = new StreamsBuilder();
    JoinedSoFar current = joined(builder, spec);
    OutputWriter writer = new OutputWriter(output);
    if (current.stream() != null) {
      writer.write(current.stream().processValues(() -> new SelectProcessor(selector), Named.as("Project")),
          "KsqlTopic-Sink", false);
      return new BuiltTopology(builder.build(), null);
    }
    KTable<List<Object>, Object[]> filtered = output instanceof QueryOutput.Topic
        // A persistent table join keeps its joined rows in a store for pull queries.
        ? current.table().filter((k, row) -> selector.passes(row), Named.as("Where"),
            Materialized.<List<Object>, Object[], KeyValueStore<Bytes, byte[]>>as(RESULT_STORE)
                .withKeySerde(codec.listSerde()).withValueSerde(codec.rowSerde()))
        : current.table().filter((k, row) -> selector.passes(row), Named.as("Where"));
    writer.write(filtered.mapValues((k, row) -> {
      RowSelector.Selected s = selector.select(k, row);
      return s == null ? null : s.value();
    }, Named.as("Project")).toStream(), "KsqlTopic-Sink", false);
    return new BuiltTopology(builder.build(), output instanceof QueryOutput.Topic
        ? new Materialization(RESULT_STORE, Materialization.StoreKind.KEY_VALUE,
            (key, stored, start, end) -> TopologyFactory.selected(selector, key, stored))
        : null);
  }

  /** The join as rows for further processing (e.g. aggregation). */
  RowInput input(JoinSpec spec) {
    boolean table = spec.left().isTable() && spec.steps().stream().allMatch(s -> s.right().isTable());
    return table ? new RowInput(null, b -> joined(b, spec).table()) : new RowInput(b -> joined(b, spec).stream(), null);
  }

  private JoinedSoFar joined(StreamsBuilder builder, JoinSpec spec) {
    JoinedSoFar current = spec.left().isTable()
        ? new JoinedSoFar(null, SourceBuilder.table(builder, spec.left(), codec, log, queryId, "KafkaTopic_Left"))
        : new JoinedSoFar(SourceBuilder.stream(builder, spec.left(), log, queryId, "KafkaTopic_Left"), null);
    for (int i = 0; i < spec.steps().size(); i++) {
      JoinSpec.Step step = spec.steps().get(i);
      String suffix = i == 0 ? "" : "_" + i;
      String rightName = "KafkaTopic_Right" + suffix;
      JoinedRows rows = new JoinedRows(step.leftWidth(), step.rightWidth());
      if (current.stream() != null && !step.right().isTable()) {
        KStream<List<Object>, Object[]> right = SourceBuilder.stream(builder, step.right(), log, queryId, rightName);
        current = new JoinedSoFar(streamStream(current.stream(), right, step, rows, suffix), null);
      } else if (current.stream() != null) {
        KTable<List<Object>, Object[]> right = SourceBuilder.table(builder, step.right(), codec, log, queryId, rightName);
        current = new JoinedSoFar(streamTable(current.stream(), right, step, rows, suffix), null);
      } else {
        KTable<List<Object>, Object[]> right = SourceBuilder.table(builder, step.right(), codec, log, queryId, rightName);
        current = new JoinedSoFar(null, tableTable(current.table(), right, step, rows, suffix));
      }
    }
    return current;
  }

  @SuppressWarnings("deprecation")
  private KStream<List<Object>, Object[]> streamStream(KStream<List<Object>, Object[]> leftStream,
      KStream<List<Object>, Object[]> rightStream, JoinSpec.Step step, JoinedRows rows, String suffix) {
    KStream<List<Object>, Object[]> left = rekey(leftStream, step.leftKey(), "Left" + suffix);
    KStream<List<Object>, Object[]> right = rekey(rightStream, step.rightKey(), "Right" + suffix);
    Query.JoinWindow w = step.within();
    boolean swap = step.type() == Query.JoinType.RIGHT;
    long before = swap ? w.afterMs() : w.beforeMs();
    long after = swap ? w.beforeMs() : w.afterMs();
    Duration size = Duration.ofMillis(Math.max(before, after));
    // Without GRACE PERIOD ksqlDB keeps Kafka Streams' legacy window semantics (24h grace, eager
    // left/outer results); only the deprecated factory gives those.
    JoinWindows windows = (w.graceMs() == null ? JoinWindows.of(size)
        : JoinWindows.ofTimeDifferenceAndGrace(size, Duration.ofMillis(w.graceMs())))
        .before(Duration.ofMillis(before)).after(Duration.ofMillis(after));
    StreamJoined<List<Object>, Object[], Object[]> joined = StreamJoined
        .with(codec.listSerde(), codec.rowSerde(), codec.rowSerde()).withName("Join" + suffix)
        .withStoreName("Join" + suffix);
    return switch (step.type()) {
      case INNER -> left.join(right, (k, l, r) -> rows.combine(k, l, r), windows, joined);
      case LEFT -> left.leftJoin(right, (k, l, r) -> rows.combine(k, l, r), windows, joined);
      case OUTER -> left.outerJoin(right, (k, l, r) -> rows.combine(k, l, r), windows, joined);
      case RIGHT -> right.leftJoin(left, (k, r, l) -> rows.combine(k, l, r), windows, joined);
    };
  }

  private KStream<List<Object>, Object[]> streamTable(KStream<List<Object>, Object[]> leftStream,
      KTable<List<Object>, Object[]> right, JoinSpec.Step step, JoinedRows rows, String suffix) {
    KStream<List<Object>, Object[]> left = rekey(leftStream, step.leftKey(), "Left" + suffix);
    Joined<List<Object>, Object[], Object[]> joined =
        Joined.with(codec.listSerde(), codec.rowSerde(), codec.rowSerde(), "Join" + suffix);
    return step.type() == Query.JoinType.LEFT
        ? left.leftJoin(right, (k, l, r) -> rows.combine(k, l, r), joined)
        : left.join(right, (k, l, r) -> rows.combine(k, l, r), joined);
  }

  private KTable<List<Object>, Object[]> tableTable(KTable<List<Object>, Object[]> left,
      KTable<List<Object>, Object[]> right, JoinSpec.Step step, JoinedRows rows, String suffix) {
    if (step.foreignKey()) {
      Evaluator fk = step.leftKey();
      Materialized<List<Object>, Object[], KeyValueStore<Bytes, byte[]>> store =
          Materialized.<List<Object>, Object[], KeyValueStore<Bytes, byte[]>>with(codec.listSerde(), codec.rowSerde());
      TableJoined<List<Object>, List<Object>> named = TableJoined.as("KTABLE-FK-JOIN" + suffix);
      java.util.function.Function<Object[], List<Object>> extractor = row -> {
        Object v = safeKey(fk, row);
        if (v == null) {
          return null;
        }
        List<Object> key = new ArrayList<>(1);
        key.add(v);
        return key;
      };
      return switch (step.type()) {
        case INNER -> left.join(right, extractor, (l, r) -> rows.combine(null, l, r), named, store);
        case LEFT -> left.leftJoin(right, extractor, (l, r) -> rows.combine(null, l, r), named, store);
        default -> throw new KsqlException("Invalid join type: foreign-key table-table joins support only INNER and "
            + "LEFT joins.");
      };
    }
    return switch (step.type()) {
      case INNER -> left.join(right, (l, r) -> rows.combine(null, l, r));
      case LEFT -> left.leftJoin(right, (l, r) -> rows.combine(null, l, r));
      case OUTER -> left.outerJoin(right, (l, r) -> rows.combine(null, l, r));
      case RIGHT -> right.leftJoin(left, (r, l) -> rows.combine(null, l, r));
    };
  }

  /** Keys a stream by its join value; rows whose join value is NULL cannot join and are dropped. */
  private KStream<List<Object>, Object[]> rekey(KStream<List<Object>, Object[]> stream, Evaluator key, String side) {
    if (key == null) {
      return stream;
    }
    return stream
        .filter((k, row) -> row == null || safeKey(key, row) != null, Named.as(side + "SourceKeyed-Filter"))
        .selectKey((k, row) -> {
          List<Object> out = new ArrayList<>(1);
          out.add(row == null ? null : safeKey(key, row));
          return out;
        }, Named.as(side + "SourceKeyed-SelectKey"));
  }

  private Object safeKey(Evaluator key, Object[] row) {
    try {
      return key.eval(row);
    } catch (RuntimeException e) {
      log.error(queryId, "Error computing join key: " + e.getMessage(), e);
      return null;
    }
  }
}
