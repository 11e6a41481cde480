package io.rtdp.ksql.engine.qtt;

import com.fasterxml.jackson.databind.JsonNode;
import io.rtdp.avro.client.InMemoryRegistryClient;
import io.rtdp.avro.client.RegistryClient;
import io.rtdp.avro.serde.WireFormat;
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
import io.rtdp.ksql.engine.serde.FormatOptions;
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
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
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
    InMemoryRegistryClient registry = new InMemoryRegistryClient();
    for (JsonNode t : c.topics()) {
      RegistryTestData.register(registry, t);
    }
    Map<String, String> config = new HashMap<>();
    config.put(EngineConfig.SERVICE_ID, "some.ksql.service.id");
    config.putAll(c.properties());
    KsqlEngine engine = new KsqlEngine(functions, new EngineConfig(config).withSchemaRegistry(registry), kafka,
        (q, m, e) -> { });
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
      runQueries(c, engine, kafka, registry);
    } catch (UnsupportedFeatureException e) {
      return Outcome.unsupported(e.getMessage());
    } catch (RuntimeException e) {
      return Outcome.failed("running the queries failed: " + firstLine(String.valueOf(e.getMessage())));
    }
    String mismatch = compareOutputs(c, engine, kafka, registry);
    if (mismatch == null) {
      mismatch = checkPost(c, engine);
      if (mismatch == null) {
        mismatch = checkRegisteredSchemas(c, registry);
      }
    }
    return mismatch == null ? Outcome.passed() : Outcome.failed(mismatch);
  }

  private static Optional<String> unsupportedInput(QttCase c) {
    for (JsonNode t : c.topics()) {
      for (String side : new String[] {"key", "value"}) {
        String format = t.path(side + "Format").asText("AVRO");
        if (t.has(side + "Schema") && !format.equals("AVRO") && !format.equals("JSON_SR")) {
          return Optional.of("registered " + format + " schemas");
        }
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
    // Partitions the file gives for a topic win; its other topics come from the statements below.
    for (JsonNode t : c.topics()) {
      if (t.has("partitions")) {
        kafka.create(t.path("name").asText(), t.path("partitions").asInt());
      }
    }
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
    for (JsonNode t : c.topics()) {
      kafka.create(t.path("name").asText(), 1);
    }
    Stream.concat(c.inputs().stream(), c.outputs().stream())
        .forEach(r -> kafka.create(r.path("topic").asText(), 1));
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

  private void runQueries(QttCase c, KsqlEngine engine, StubKafka kafka, RegistryClient registry) {
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
        for (TestRecord<byte[], byte[]> r : recordsFor(q, c, engine, kafka, registry)) {
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
      StubKafka kafka, RegistryClient registry) {
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
      byte[] key = keyBytes(source, r.get("key"), registry);
      if (r.has("window")) {
        key = windowed(key == null ? new byte[0] : key, r.get("window"));
      }
      out.add(new TestRecord<>(key, valueBytes(source, r.get("value"), registry), headers,
          r.path("timestamp").asLong(0)));
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

  private static byte[] keyBytes(DataSource source, JsonNode key, RegistryClient registry) {
    if (key == null || key.isNull() || source.schema().key().isEmpty()) {
      return null;
    }
    if (source.keyFormat().equals("AVRO")) {
      return RegistryTestData.encode(key, registry, schemaId(source.keyOptions(), source.topic() + "-key", registry));
    }
    if (source.keyFormat().equals("JSON_SR")) {
      return jsonSr(key, schemaId(source.keyOptions(), source.topic() + "-key", registry));
    }
    return bytes(source.keyFormat(), source.schema().key(), key, SourceSerdes.key(source));
  }

  private static byte[] valueBytes(DataSource source, JsonNode value, RegistryClient registry) {
    if (value == null || value.isNull()) {
      return null;
    }
    if (source.valueFormat().equals("AVRO")) {
      return RegistryTestData.encode(value, registry, schemaId(source.valueOptions(), source.topic() + "-value", registry));
    }
    if (source.valueFormat().equals("JSON_SR")) {
      return jsonSr(value, schemaId(source.valueOptions(), source.topic() + "-value", registry));
    }
    return bytes(source.valueFormat(), source.schema().value(), value, SourceSerdes.value(source));
  }

  /** JSON_SR test data: the JSON text behind the registry header of the topic's schema. */
  private static byte[] jsonSr(JsonNode node, int id) {
    byte[] json = bytes("JSON", List.of(), node, null);
    byte[] out = java.util.Arrays.copyOf(WireFormat.header(id), WireFormat.HEADER_SIZE + json.length);
    System.arraycopy(json, 0, out, WireFormat.HEADER_SIZE, json.length);
    return out;
  }

  /** The schema producers of the topic use: the one the source names by id, else the subject's latest. */
  private static int schemaId(FormatOptions options, String subject, RegistryClient registry) {
    Integer id = options.registry().schemaId();
    return id != null ? id : registry.latestText(subject).id();
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

  private static String compareOutputs(QttCase c, KsqlEngine engine, StubKafka kafka, RegistryClient registry) {
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
        String mismatch = compare(sink, expected.get(i), actual.get(i), !c.inputs().isEmpty(), registry);
        if (mismatch != null) {
          return "topic " + topic + " record " + i + ": " + mismatch;
        }
      }
    }
    return null;
  }

  private static String compare(DataSource sink, JsonNode expected, StubKafka.StoredRecord actual,
      boolean hasInputs, RegistryClient registry) {
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
      key = keyObject(sink, windowed.key(), SourceSerdes.key(sink).serializer().serialize(sink.topic(), windowed.key()),
          registry);
    } else {
      if (expected.has("window")) {
        return "expected a windowed key";
      }
      key = actual.key() == null ? null
          : keyObject(sink, SourceSerdes.key(sink).deserializer().deserialize(sink.topic(), actual.key()), actual.key(),
              registry);
    }
    JsonNode expectedKey = expected.get("key");
    if (!ExpectedValues.matches(expectedKey, key)) {
      return "key expected " + expectedKey + " got " + key;
    }
    Object value = valueObject(sink, actual.value(), registry);
    if (!ExpectedValues.matches(expected.get("value"), value)) {
      return "value expected " + expected.get("value") + " got "
          + (sink.valueFormat().equals("AVRO") ? String.valueOf(value) : display(actual.value()));
    }
    return null;
  }

  private static Object keyObject(DataSource sink, List<Object> values, byte[] raw, RegistryClient registry) {
    return switch (sink.keyFormat()) {
      case "NONE" -> null;
      case "AVRO" -> raw == null ? null : RegistryTestData.decode(raw, registry);
      case "DELIMITED" -> raw == null ? null : new String(raw, StandardCharsets.UTF_8);
      default -> values.size() == 1 ? values.get(0) : columnsAsMap(sink.schema().key(), values);
    };
  }

  private static Object valueObject(DataSource sink, byte[] raw, RegistryClient registry) {
    if (raw == null) {
      return null;
    }
    if (sink.valueFormat().equals("AVRO")) {
      return RegistryTestData.decode(raw, registry);
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

  /**
   * The Avro schemas {@code post.topics} expects under a topic's subjects, compared in Avro's parsing
   * canonical form (names, fields, types): the files' schemas differ in Connect properties such as
   * {@code connect.name}, which that form leaves out.
   */
  private static String checkRegisteredSchemas(QttCase c, RegistryClient registry) {
    for (JsonNode t : c.post() == null ? List.<JsonNode>of() : toList(c.post().path("topics").path("topics"))) {
      for (String side : new String[] {"key", "value"}) {
        JsonNode expected = t.get(side + "Schema");
        String format = t.path(side + "Format").path("format").asText("");
        if (expected == null || !format.equals("AVRO")) {
          continue;
        }
        String subject = t.path("name").asText() + "-" + side;
        Schema want = new Schema.Parser().parse(expected.toString());
        Schema got;
        try {
          got = registry.latest(subject).schema();
        } catch (RuntimeException e) {
          return "post: no schema under " + subject;
        }
        if (!SchemaNormalization.toParsingForm(want)
            .equals(SchemaNormalization.toParsingForm(got))) {
          return "post: schema of " + subject + " expected " + want + " got " + got;
        }
      }
    }
    return null;
  }

  private static List<JsonNode> toList(JsonNode array) {
    List<JsonNode> out = new ArrayList<>();
    array.forEach(out::add);
    return out;
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
