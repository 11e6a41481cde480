package io.rtdp.ksql.engine.query;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rtdp.ksql.engine.KsqlEngine;
import io.rtdp.ksql.engine.PersistentQuery;
import io.rtdp.ksql.engine.TestEngines;
import io.rtdp.ksql.engine.function.FunctionRegistry;
import io.rtdp.ksql.engine.metastore.DataSource;
import io.rtdp.ksql.engine.topology.SourceSerdes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.DoubleSerializer;
import org.apache.kafka.common.serialization.IntegerSerializer;
import org.apache.kafka.common.serialization.LongSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Window;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.kstream.internals.SessionWindow;
import org.apache.kafka.streams.kstream.internals.TimeWindow;
import org.apache.kafka.streams.test.TestRecord;

/**
 * Runs the SELECTs of ksqlDB's REST query vectors (shared/ksql-compat/qtt/rest) against the engine,
 * without a server: persistent queries and push queries in TopologyTestDriver, table pull queries
 * against the persistent query's driver stores, stream pull queries over the records of the topic.
 * Responses are compared as the RQTT runner does (header schema, rows as a multiset, final
 * message) after rendering with {@link RestValues}. Inputs are JSON values with KAFKA or JSON keys
 * (windowed or not), all in one partition; a case needing more returns a failure reason.
 */
final class RestVectors {
  private static final ObjectMapper JSON = new ObjectMapper().configure(JsonParser.Feature.ALLOW_COMMENTS, true);
  private static final Pattern TOPIC = Pattern.compile("(?i)kafka_topic\\s*=\\s*'([^']+)'");

  private RestVectors() {}

  /** {@code ../shared/ksql-compat/qtt/rest} next to the repository root found from the working dir. */
  static Path defaultDir() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve("ksql-engine")) && Files.exists(dir.resolve("pom.xml"))) {
        return dir.resolve("../shared/ksql-compat/qtt/rest").normalize();
      }
    }
    return Path.of("../shared/ksql-compat/qtt/rest").toAbsolutePath().normalize();
  }

  /** Each case of the file by name ({@code <file> :: <name>}), with its JSON definition. */
  static Map<String, JsonNode> cases(Path file) throws IOException {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    for (JsonNode t : JSON.readTree(file.toFile()).get("tests")) {
      out.put(file.getFileName() + " :: " + t.get("name").asText(), t);
    }
    return out;
  }

  /** Null when the case passes, otherwise why not. */
  static String run(JsonNode test) throws IOException {
    List<String> statements = new ArrayList<>();
    test.get("statements").forEach(s -> statements.add(s.asText()));
    if (test.has("format")) {
      boolean json = false;
      for (JsonNode f : test.get("format")) {
        json |= f.asText().equals("JSON");
      }
      if (!json) {
        return "only runs JSON";
      }
      statements.replaceAll(s -> s.replace("{FORMAT}", "JSON"));
    }
    for (JsonNode in : test.path("inputs")) {
      if (in.has("partition") || in.has("headers")) {
        return "inputs with partitions or headers";
      }
    }
    Map<String, Integer> topics = new HashMap<>();
    Matcher m = TOPIC.matcher(String.join(" ", statements));
    while (m.find()) {
      topics.put(m.group(1), 1);
    }
    KsqlEngine engine = TestEngines.engine(FunctionRegistry.withBuiltIns(), topics, (q, message, cause) -> { });
    Map<String, Object> properties = new HashMap<>();
    test.path("properties").fields().forEachRemaining(e -> properties.put(e.getKey(), e.getValue().asText()));
    String expectedError = test.has("expectedError") ? test.get("expectedError").get("message").asText() : null;
    List<String> selects = new ArrayList<>();
    for (String s : statements) {
      if (s.trim().toUpperCase(java.util.Locale.ROOT).startsWith("SELECT")) {
        selects.add(s);
        continue;
      }
      try {
        engine.execute(s);
      } catch (RuntimeException e) {
        return expectedError != null && e.getMessage().contains(expectedError) ? null : "statement failed: " + e;
      }
    }
    List<JsonNode> responses = new ArrayList<>();
    test.path("responses").forEach(r -> {
      if (r.has("query")) {
        responses.add(r.get("query"));
      }
    });
    Map<String, TopologyTestDriver> drivers = new HashMap<>();
    try {
      Map<String, List<TestRecord<byte[], byte[]>>> records = inputs(test, engine);
      for (PersistentQuery q : engine.queries()) {
        TopologyTestDriver driver = Drivers.driver(q.topology(), q.applicationId());
        drivers.put(q.id(), driver);
        pipe(driver, q.sourceTopics(), records);
        records.computeIfAbsent(q.sinkTopic(), t -> new ArrayList<>()).addAll(driver.createOutputTopic(q.sinkTopic(),
            new ByteArrayDeserializer(), new ByteArrayDeserializer()).readRecordsToList());
      }
      for (int i = 0; i < selects.size(); i++) {
        Response actual;
        try {
          actual = select(engine, selects.get(i), properties, records, drivers);
        } catch (RuntimeException e) {
          boolean last = i == selects.size() - 1;
          return last && expectedError != null && e.getMessage().contains(expectedError) ? null
              : selects.get(i) + " failed: " + e.getMessage();
        }
        if (i >= responses.size()) {
          return "no expected response for " + selects.get(i);
        }
        String mismatch = compare(responses.get(i), actual);
        if (mismatch != null) {
          return selects.get(i) + ": " + mismatch;
        }
      }
    } finally {
      drivers.values().forEach(TopologyTestDriver::close);
    }
    return expectedError == null ? null : "expected error: " + expectedError;
  }

  private record Response(List<ResultColumn> columns, List<ResultRow> rows, String finalMessage) {}

  private static Response select(KsqlEngine engine, String sql, Map<String, Object> properties,
      Map<String, List<TestRecord<byte[], byte[]>>> records, Map<String, TopologyTestDriver> drivers) {
    List<ResultRow> rows = new ArrayList<>();
    if (engine.isPushQuery(sql)) {
      PushQuery q = engine.planPush(sql, properties, rows::add);
      try (TopologyTestDriver driver = Drivers.driver(q.topology(), q.applicationId())) {
        pipe(driver, q.sourceTopics(), records);
      }
      return new Response(q.columns(), rows, limitReached(q.limit(), rows) ? "Limit Reached" : null);
    }
    PullQuery q = engine.planPull(sql, properties);
    Optional<StreamScan> scan = q.streamScan();
    if (scan.isEmpty()) {
      return new Response(q.columns(), q.execute(Drivers.stores(drivers.get(q.persistentQueryId()))), null);
    }
    long offset = 0;
    for (TestRecord<byte[], byte[]> r : records.getOrDefault(scan.get().topic(), List.of())) {
      if (limitReached(scan.get().limit(), rows)) {
        break;
      }
      scan.get().decode(new ConsumerRecord<>(scan.get().topic(), 0, offset++, r.timestamp(),
          TimestampType.CREATE_TIME, 0, 0, r.key(), r.value(), new RecordHeaders(), Optional.empty()))
          .ifPresent(rows::add);
    }
    return new Response(q.columns(), rows, limitReached(scan.get().limit(), rows) ? "Limit Reached"
        : "Query Completed");
  }

  private static boolean limitReached(Integer limit, List<ResultRow> rows) {
    return limit != null && rows.size() >= limit;
  }

  private static String compare(JsonNode expected, Response actual) throws IOException {
    String schema = expected.get(0).path("header").path("schema").asText();
    if (!schema.equals(ResultColumns.schema(actual.columns()))) {
      return "schema " + ResultColumns.schema(actual.columns()) + ", expected " + schema;
    }
    List<String> want = new ArrayList<>();
    String wantFinal = null;
    for (int k = 1; k < expected.size(); k++) {
      JsonNode row = expected.get(k).get("row");
      if (row != null) {
        want.add(JSON.writeValueAsString(row.get("columns")) + (row.path("tombstone").asBoolean() ? " tombstone" : ""));
      }
      if (expected.get(k).has("finalMessage")) {
        wantFinal = expected.get(k).get("finalMessage").asText();
      }
    }
    List<String> got = new ArrayList<>();
    for (ResultRow r : actual.rows()) {
      got.add(JSON.writeValueAsString(RestValues.row(r, actual.columns())) + (r.tombstone() ? " tombstone" : ""));
    }
    List<String> sortedGot = new ArrayList<>(got);
    List<String> sortedWant = new ArrayList<>(want);
    Collections.sort(sortedGot);
    Collections.sort(sortedWant);
    if (!sortedGot.equals(sortedWant)) {
      return "rows " + got + ", expected " + want;
    }
    return Objects.equals(actual.finalMessage(), wantFinal) ? null
        : "final message " + actual.finalMessage() + ", expected " + wantFinal;
  }

  /** The input records by topic, serialized in the formats of the source declared on the topic. */
  private static Map<String, List<TestRecord<byte[], byte[]>>> inputs(JsonNode test, KsqlEngine engine)
      throws IOException {
    Map<String, List<TestRecord<byte[], byte[]>>> out = new LinkedHashMap<>();
    for (JsonNode in : test.path("inputs")) {
      String topic = in.get("topic").asText();
      DataSource source = engine.metaStore().sources().stream().filter(s -> s.topic().equals(topic)).findFirst()
          .orElse(null);
      if (source == null) {
        continue;
      }
      JsonNode value = in.get("value");
      byte[] key = in.has("window") ? windowedKey(source, in.get("key"), in.get("window")) : key(source, in.get("key"));
      out.computeIfAbsent(topic, t -> new ArrayList<>()).add(new TestRecord<>(key,
          value == null || value.isNull() ? null : JSON.writeValueAsBytes(value), null, in.path("timestamp").asLong(0)));
    }
    return out;
  }

  private static byte[] key(DataSource source, JsonNode key) throws IOException {
    if (key == null || key.isNull() || source.schema().key().isEmpty()) {
      return null;
    }
    if (!source.keyFormat().equals("KAFKA")) {
      return JSON.writeValueAsBytes(key);
    }
    return switch (source.schema().key().get(0).type().base()) {
      case INTEGER -> new IntegerSerializer().serialize("", key.asInt());
      case BIGINT -> new LongSerializer().serialize("", key.asLong());
      case DOUBLE -> new DoubleSerializer().serialize("", key.asDouble());
      default -> key.asText().getBytes(StandardCharsets.UTF_8);
    };
  }

  /** A key of a windowed source: Kafka Streams' windowed key around the inner key. */
  private static byte[] windowedKey(DataSource source, JsonNode key, JsonNode window) {
    Object inner = switch (source.schema().key().get(0).type().base()) {
      case INTEGER -> key.asInt();
      case BIGINT -> key.asLong();
      case DOUBLE -> key.asDouble();
      default -> key.asText();
    };
    long start = window.get("start").asLong();
    long end = window.get("end").asLong();
    Window w = window.get("type").asText().equalsIgnoreCase("session") ? new SessionWindow(start, end)
        : new TimeWindow(start, end);
    return SourceSerdes.windowedKey(source).serializer().serialize(source.topic(),
        new Windowed<>(new ArrayList<>(List.of(inner)), w));
  }

  private static void pipe(TopologyTestDriver driver, List<String> topics,
      Map<String, List<TestRecord<byte[], byte[]>>> records) {
    for (String topic : topics) {
      TestInputTopic<byte[], byte[]> in =
          driver.createInputTopic(topic, new ByteArraySerializer(), new ByteArraySerializer());
      records.getOrDefault(topic, List.of()).forEach(in::pipeInput);
    }
  }
}
