package io.rtdp.ksql.engine.qtt;

import com.fasterxml.jackson.databind.JsonNode;
import io.rtdp.ksql.engine.EngineConfig;
import io.rtdp.ksql.engine.KsqlEngine;
import io.rtdp.ksql.engine.KsqlException;
import io.rtdp.ksql.engine.PersistentQuery;
import io.rtdp.ksql.engine.UnsupportedFeatureException;
import io.rtdp.ksql.engine.function.FunctionRegistry;
import io.rtdp.ksql.engine.metastore.DataSource;
import io.rtdp.ksql.engine.schema.Column;
import io.rtdp.ksql.engine.schema.SqlType;
import io.rtdp.ksql.engine.parser.Expression;
import io.rtdp.ksql.engine.parser.Statement;
import io.rtdp.ksql.engine.parser.StatementParser;
import io.rtdp.ksql.engine.serde.JsonValues;
import io.rtdp.ksql.engine.topology.SourceSerdes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.test.TestRecord;

/** Runs one QTT case through the engine and TopologyTestDriver, as qtt/README.md §2 describes. */
final class QttRunner {
  private final FunctionRegistry functions;

  QttRunner(FunctionRegistry functions) {
    this.functions = functions;
  }

  Outcome run(QttCase c) {
    Optional<String> unsupported = unsupportedInput(c);
    if (unsupported.isPresent()) {
      return Outcome.unsupported(unsupported.get());
    }
    StubKafka kafka = new StubKafka();
    createTopics(c, kafka);
    Map<String, String> config = new HashMap<>();
    config.put(EngineConfig.SERVICE_ID, "some.ksql.service.id");
    config.putAll(c.properties());
    KsqlEngine engine = new KsqlEngine(functions, new EngineConfig(config), kafka, (q, m, e) -> { });
    JsonNode expected = c.expectedException();
    try {
      engine.execute(String.join("\n", c.statements()));
    } catch (UnsupportedFeatureException e) {
      return Outcome.unsupported(e.getMessage());
    } catch (KsqlException e) {
      return expected == null ? Outcome.failed("statement failed: " + firstLine(e.getMessage())) : checkException(expected, e);
    }
    if (expected != null && expected.path("type").asText().endsWith("StreamsException")) {
      return Outcome.unsupported("runtime exceptions from record processing are not reported as failures yet");
    }
    if (expected != null) {
      return Outcome.failed("expected exception not thrown: " + expected.path("message").asText());
    }
    try {
      runQueries(c, engine, kafka);
    } catch (UnsupportedFeatureException e) {
      return Outcome.unsupported(e.getMessage());
    } catch (RuntimeException e) {
      return Outcome.failed("running the queries failed: " + firstLine(String.valueOf(e.getMessage())));
    }
    String mismatch = compareOutputs(c, engine, kafka);
    if (mismatch == null) {
      mismatch = checkPost(c, engine);
    }
    return mismatch == null ? Outcome.passed() : Outcome.failed(mismatch);
  }

  private static Optional<String> unsupportedInput(QttCase c) {
    for (JsonNode t : c.topics()) {
      if (t.has("keySchema") || t.has("valueSchema") || t.has("schema")) {
        return Optional.of("topics with registered schemas need a schema registry");
      }
    }
    for (JsonNode r : c.inputs()) {
      if (r.has("headers")) {
        return Optional.of("record headers");
      }
    }
    return Optional.empty();
  }

  private static void createTopics(QttCase c, StubKafka kafka) {
    for (JsonNode t : c.topics()) {
      kafka.create(t.path("name").asText(), t.path("partitions").asInt(1));
    }
    Stream.concat(c.inputs().stream(), c.outputs().stream())
        .forEach(r -> kafka.create(r.path("topic").asText(), 1));
    // Like ksqlDB's harness, the topics that CREATE statements name exist before they run.
    for (String sql : c.statements()) {
      try {
        for (StatementParser.Parsed p : new StatementParser((n, pos) -> SqlType.STRING).parse(sql)) {
          if (p.statement() instanceof Statement.CreateSource create) {
            Expression topic = create.properties().get("KAFKA_TOPIC");
            Expression partitions = create.properties().get("PARTITIONS");
            if (topic instanceof Expression.StringLiteral name) {
              kafka.create(name.value(), partitions instanceof Expression.IntegerLiteral i ? i.value() : 1);
            }
          }
        }
      } catch (KsqlException e) {
        // The engine reports the statement's error when it runs it.
      }
    }
  }

  private static Outcome checkException(JsonNode expected, KsqlException e) {
    // ksqlDB's exception classes map onto "statement rejected" (syntax or semantic: both are
    // KsqlException here) or "runtime failure"; messages are compared by substring.
    String type = expected.path("type").asText("");
    if (type.endsWith("StreamsException")) {
      return Outcome.failed("expected a runtime failure but a statement failed: " + firstLine(e.getMessage()));
    }
    String message = expected.path("message").asText("");
    if (!e.getMessage().contains(message)) {
      return Outcome.failed("error message mismatch: expected '" + firstLine(message) + "' got '"
          + firstLine(e.getMessage()) + "'");
    }
    return Outcome.passed();
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  // ---- running ----

  private void runQueries(QttCase c, KsqlEngine engine, StubKafka kafka) {
    for (PersistentQuery q : engine.queries()) {
      Path stateDir = tempDir();
      Properties props = new Properties();
      props.put(StreamsConfig.APPLICATION_ID_CONFIG, q.applicationId());
      props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:0");
      props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
      props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
      props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
          LogAndContinueExceptionHandler.class.getName());
      // State lives only as long as one case: in-memory stores spare RocksDB's disk work. Kafka
      // Streams' emit-on-window-close (EMIT FINAL) behaves differently on them, so those keep RocksDB.
      if (!q.sql().toUpperCase(java.util.Locale.ROOT).contains("EMIT FINAL")) {
        props.put(StreamsConfig.DSL_STORE_SUPPLIERS_CLASS_CONFIG,
            org.apache.kafka.streams.state.BuiltInDslStoreSuppliers.InMemoryDslStoreSuppliers.class.getName());
      }
      props.putAll(engine.config().streamsOverrides());
      try (TopologyTestDriver driver = new TopologyTestDriver(q.topology(), props, Instant.EPOCH)) {
        TestOutputTopic<byte[], byte[]> out = driver.createOutputTopic(q.sinkTopic(), new ByteArrayDeserializer(),
            new ByteArrayDeserializer());
        Map<String, TestInputTopic<byte[], byte[]>> in = new HashMap<>();
        for (TestRecord<byte[], byte[]> r : recordsFor(q, c, engine, kafka)) {
          String topic = r.getHeaders().lastHeader(TOPIC_MARKER) == null ? null
              : new String(r.getHeaders().lastHeader(TOPIC_MARKER).value(), StandardCharsets.UTF_8);
          r.getHeaders().remove(TOPIC_MARKER);
          in.computeIfAbsent(topic, t -> driver.createInputTopic(t, new ByteArraySerializer(), new ByteArraySerializer()))
              .pipeInput(r);
          for (TestRecord<byte[], byte[]> o : out.readRecordsToList()) {
            kafka.produce(q.sinkTopic(), o.key(), o.value(), o.timestamp(), o.headers());
          }
        }
      } finally {
        deleteRecursively(stateDir);
      }
    }
  }

  /** A transient header naming the topic a record is piped to; removed before piping. */
  private static final String TOPIC_MARKER = "__qtt_topic";

  private static List<TestRecord<byte[], byte[]>> recordsFor(PersistentQuery q, QttCase c, KsqlEngine engine,
      StubKafka kafka) {
    List<TestRecord<byte[], byte[]>> out = new ArrayList<>();
    for (JsonNode r : c.inputs()) {
      String topic = r.path("topic").asText();
      if (!q.sourceTopics().contains(topic)) {
        continue;
      }
      DataSource source = sourceOn(engine, topic, false);
      if (source == null) {
        continue;
      }
      Headers headers = new RecordHeaders();
      headers.add(TOPIC_MARKER, topic.getBytes(StandardCharsets.UTF_8));
      byte[] key = keyBytes(source, r.get("key"));
      if (r.has("window")) {
        key = windowed(key == null ? new byte[0] : key, r.get("window"));
      }
      out.add(new TestRecord<>(key, valueBytes(source, r.get("value")), headers, r.path("timestamp").asLong(0)));
    }
    for (String topic : q.sourceTopics()) {
      for (StubKafka.StoredRecord r : kafka.records(topic)) {
        Headers headers = new RecordHeaders(r.headers().toArray());
        headers.add(TOPIC_MARKER, topic.getBytes(StandardCharsets.UTF_8));
        out.add(new TestRecord<>(r.key(), r.value(), headers, r.timestamp()));
      }
    }
    return out;
  }

  /** The source reading or (prefer sink) writing a topic; null if none is registered on it. */
  private static DataSource sourceOn(KsqlEngine engine, String topic, boolean preferSink) {
    DataSource found = null;
    for (DataSource s : engine.metaStore().sources()) {
      if (!s.topic().equals(topic)) {
        continue;
      }
      boolean isSink = engine.queries().stream().anyMatch(q -> q.sinkName().equals(s.name()));
      if (found == null || (preferSink && isSink)) {
        found = s;
      }
    }
    return found;
  }

  /** Kafka Streams' windowed key layout: time windows add the start, sessions the end then the start. */
  private static byte[] windowed(byte[] inner, JsonNode window) {
    boolean session = window.path("type").asText().equalsIgnoreCase("session");
    java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(inner.length + (session ? 16 : 8)).put(inner);
    if (session) {
      b.putLong(window.path("end").asLong());
    }
    return b.putLong(window.path("start").asLong()).array();
  }

  private static byte[] keyBytes(DataSource source, JsonNode key) {
    if (key == null || key.isNull() || source.schema().key().isEmpty()) {
      return null;
    }
    return bytes(source.keyFormat(), source.schema().key(), key, SourceSerdes.key(source));
  }

  private static byte[] valueBytes(DataSource source, JsonNode value) {
    if (value == null || value.isNull()) {
      return null;
    }
    return bytes(source.valueFormat(), source.schema().value(), value, SourceSerdes.value(source));
  }

  /** Test data is written as the wire shows it: JSON text, delimited text, or a KAFKA scalar. */
  private static byte[] bytes(String format, List<Column> columns,
      JsonNode node, org.apache.kafka.common.serialization.Serde<List<Object>> serde) {
    try {
      return switch (format) {
        case "JSON" -> QttLoader.MAPPER.writer().without(
            com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(node);
        case "DELIMITED" -> node.asText().getBytes(StandardCharsets.UTF_8);
        case "KAFKA" -> {
          List<Object> values = new ArrayList<>();
          values.add(JsonValues.fromJson(node, columns.get(0).type()));
          yield serde.serializer().serialize("", values);
        }
        default -> throw new UnsupportedFeatureException("test records in format " + format);
      };
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  // ---- verification ----

  private static String compareOutputs(QttCase c, KsqlEngine engine, StubKafka kafka) {
    Map<String, List<JsonNode>> expectedByTopic = new LinkedHashMap<>();
    c.outputs().forEach(o -> expectedByTopic.computeIfAbsent(o.path("topic").asText(), t -> new ArrayList<>()).add(o));
    for (Map.Entry<String, List<JsonNode>> e : expectedByTopic.entrySet()) {
      String topic = e.getKey();
      List<StubKafka.StoredRecord> actual = kafka.records(topic);
      List<JsonNode> expected = e.getValue();
      if (actual.size() != expected.size()) {
        return "topic " + topic + ": expected " + expected.size() + " records but got " + actual.size();
      }
      DataSource sink = sourceOn(engine, topic, true);
      if (sink == null) {
        return "no source is registered on output topic " + topic;
      }
      for (int i = 0; i < actual.size(); i++) {
        String mismatch = compare(sink, expected.get(i), actual.get(i), !c.inputs().isEmpty());
        if (mismatch != null) {
          return "topic " + topic + " record " + i + ": " + mismatch;
        }
      }
    }
    return null;
  }

  private static String compare(DataSource sink, JsonNode expected, StubKafka.StoredRecord actual,
      boolean hasInputs) {
    if (expected.has("timestamp")) {
      long ts = expected.get("timestamp").asLong();
      if ((hasInputs || ts != 0) && ts != actual.timestamp()) {
        return "timestamp expected " + ts + " got " + actual.timestamp();
      }
    }
    if (actual.headers().toArray().length > 0 && !expected.has("headers")) {
      return "unexpected headers";
    }
    Object key;
    if (sink.isWindowed()) {
      if (actual.key() == null) {
        return "expected a windowed key, got null";
      }
      Windowed<List<Object>> windowed = SourceSerdes.windowedKey(sink).deserializer().deserialize(sink.topic(),
          actual.key());
      JsonNode w = expected.get("window");
      if (w == null) {
        return "unexpected windowed key " + windowed;
      }
      if (w.path("start").asLong() != windowed.window().start() || w.path("end").asLong() != windowed.window().end()) {
        return "window expected " + w + " got [" + windowed.window().start() + ", " + windowed.window().end() + "]";
      }
      key = keyObject(sink, windowed.key(), SourceSerdes.key(sink).serializer().serialize(sink.topic(), windowed.key()));
    } else {
      if (expected.has("window")) {
        return "expected a windowed key";
      }
      key = actual.key() == null ? null
          : keyObject(sink, SourceSerdes.key(sink).deserializer().deserialize(sink.topic(), actual.key()), actual.key());
    }
    JsonNode expectedKey = expected.get("key");
    if (!ExpectedValues.matches(expectedKey, key)) {
      return "key expected " + expectedKey + " got " + key;
    }
    Object value = valueObject(sink, actual.value());
    if (!ExpectedValues.matches(expected.get("value"), value)) {
      return "value expected " + expected.get("value") + " got " + display(actual.value());
    }
    return null;
  }

  private static Object keyObject(DataSource sink, List<Object> values, byte[] raw) {
    return switch (sink.keyFormat()) {
      case "NONE" -> null;
      case "DELIMITED" -> raw == null ? null : new String(raw, StandardCharsets.UTF_8);
      default -> values.size() == 1 ? values.get(0) : columnsAsMap(sink.schema().key(), values);
    };
  }

  private static Object valueObject(DataSource sink, byte[] raw) {
    if (raw == null) {
      return null;
    }
    if (sink.valueFormat().equals("DELIMITED")) {
      return new String(raw, StandardCharsets.UTF_8);
    }
    List<Object> values = SourceSerdes.value(sink).deserializer().deserialize(sink.topic(), raw);
    boolean unwrapped = sink.schema().value().size() == 1
        && (sink.valueFormat().equals("KAFKA") || Boolean.FALSE.equals(sink.valueOptions().wrapSingleValue()));
    return unwrapped ? values.get(0) : columnsAsMap(sink.schema().value(), values);
  }

  private static Map<String, Object> columnsAsMap(List<Column> columns, List<Object> values) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (int i = 0; i < columns.size(); i++) {
      out.put(columns.get(i).name(), values.get(i));
    }
    return out;
  }

  private static String display(byte[] raw) {
    return raw == null ? "null" : new String(raw, StandardCharsets.UTF_8);
  }

  private String checkPost(QttCase c, KsqlEngine engine) {
    JsonNode post = c.post();
    if (post == null) {
      return null;
    }
    for (JsonNode s : post.path("sources")) {
      String name = s.path("name").asText();
      Optional<DataSource> found = engine.metaStore().source(name);
      if (found.isEmpty()) {
        return "post: source " + name + " does not exist";
      }
      String mismatch = PostConditions.check(s, found.get());
      if (mismatch != null) {
        return "post: source " + name + ": " + mismatch;
      }
    }
    JsonNode topics = post.path("topics");
    if (topics.has("blacklist")) {
      Pattern blacklist = Pattern.compile(topics.get("blacklist").asText());
      for (PersistentQuery q : engine.queries()) {
        for (String internal : internalTopics(q)) {
          if (blacklist.matcher(internal).matches()) {
            return "post: internal topic " + internal + " matches blacklist " + blacklist;
          }
        }
      }
    }
    return null;
  }

  /** Repartition and changelog topics the query's Kafka Streams application would create. */
  static List<String> internalTopics(PersistentQuery q) {
    List<String> out = new ArrayList<>();
    for (TopologyDescription.Subtopology sub : q.topology().describe().subtopologies()) {
      for (TopologyDescription.Node node : sub.nodes()) {
        if (node instanceof TopologyDescription.Sink sink && sink.topic() != null
            && sink.topic().endsWith("-repartition")) {
          out.add(q.applicationId() + "-" + sink.topic());
        }
        if (node instanceof TopologyDescription.Processor p) {
          p.stores().forEach(store -> out.add(q.applicationId() + "-" + store + "-changelog"));
        }
      }
    }
    return out;
  }

  private static Path tempDir() {
    try {
      return Files.createTempDirectory("qtt-state");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void deleteRecursively(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // Left-over temp state is harmless; the next run uses a fresh directory.
    }
  }

}
