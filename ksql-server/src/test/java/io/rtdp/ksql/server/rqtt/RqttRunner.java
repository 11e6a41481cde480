package io.rtdp.ksql.server.rqtt;

import com.fasterxml.jackson.databind.JsonNode;
import io.rtdp.ksql.engine.qtt.Outcome;
import io.rtdp.ksql.server.StreamingClient;
import io.vertx.core.http.HttpVersion;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Runs RQTT cases (QTT README §3) one after the other against one KSQL server on one broker, as
 * ksqlDB's RestTestExecutor does: admin statements in one /ksql request, inputs produced, the
 * persistent queries awaited, each SELECT on /query (HTTP/1.1), responses compared. After each
 * case every query, source and user topic is removed so the next case starts clean.
 */
final class RqttRunner {
  private static final Pattern SOURCE_TOPIC = Pattern.compile(
      "(?is)^\\s*CREATE\\s+(?:OR\\s+REPLACE\\s+)?(?:SOURCE\\s+)?(?:STREAM|TABLE)\\b(?:(?!\\bAS\\s+SELECT\\b).)*?"
          + "KAFKA_TOPIC\\s*=\\s*'([^']+)'");
  /** Formats whose schemas rtdp's registry cannot store (it keeps Avro schemas only). */
  private static final Pattern NON_AVRO_SCHEMA_FORMAT = Pattern.compile(
      "(?i)FORMAT\\s*=\\s*'(PROTOBUF|PROTOBUF_NOSR|JSON_SR)'");
  private static final Duration QUERY_TIMEOUT = Duration.ofSeconds(60);

  private final String url;
  private final String bootstrapServers;
  private final String serviceId;
  private final Admin admin;
  private final AvroRecords avro;
  private final KafkaProducer<byte[], byte[]> producer;
  private final StreamingClient streaming;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private boolean needsNewServer;

  RqttRunner(String url, String bootstrapServers, String serviceId, Admin admin, AvroRecords avro) {
    this.url = url;
    this.bootstrapServers = bootstrapServers;
    this.serviceId = serviceId;
    this.admin = admin;
    this.avro = avro;
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    this.producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
    this.streaming = new StreamingClient(url);
  }

  Outcome run(RqttCase c) {
    String unsupported = unsupported(c);
    if (unsupported != null) {
      return Outcome.unsupported(unsupported);
    }
    try {
      return execute(c);
    } catch (Exception e) {
      return Outcome.failed("runner error: " + e);
    } finally {
      try {
        cleanUp();
      } catch (Exception e) {
        System.err.println("RQTT clean-up after " + c.fullName() + " failed (the server is replaced): " + e);
        needsNewServer = true;
      }
    }
  }

  /** True once a case left state behind that the REST API could not remove: the next case needs a new server. */
  boolean needsNewServer() {
    return needsNewServer;
  }

  private static String unsupported(RqttCase c) {
    for (JsonNode t : c.topics()) {
      if (t.has("schema") || !AvroRecords.avroOnly(t)) {
        return "needs a schema registry for non-Avro schemas (registered schemas in 'topics')";
      }
      if (t.has("keySchemaId") || t.has("valueSchemaId")) {
        return "registers schemas under given ids, which rtdp's registry does not accept (it assigns ids itself)";
      }
    }
    for (String s : c.statements()) {
      Matcher m = NON_AVRO_SCHEMA_FORMAT.matcher(s);
      if (m.find()) {
        return "needs a schema registry for " + m.group(1).toUpperCase(Locale.ROOT) + " schemas (rtdp's keeps Avro"
            + " schemas only)";
      }
    }
    return null;
  }

  private Outcome execute(RqttCase c) throws Exception {
    createTopics(c);
    List<String> adminStatements = c.statements().stream().filter(s -> !RqttCase.isQuery(s)).toList();
    List<String> queries = c.statements().stream().filter(RqttCase::isQuery).toList();
    int lastAdmin = -1;
    for (int i = 0; i < c.statements().size(); i++) {
      if (!RqttCase.isQuery(c.statements().get(i))) {
        lastAdmin = i;
      }
    }
    if (lastAdmin > c.statements().size() - queries.size() - 1) {
      return Outcome.failed("invalid case: admin statements must come before the SELECTs");
    }
    int response = 0;
    if (!adminStatements.isEmpty()) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("ksql", String.join("\n", adminStatements));
      body.put("streamsProperties", c.properties());
      HttpResponse<String> r = post("/ksql", RqttLoader.JSON.writeValueAsString(body));
      JsonNode answer = RqttLoader.JSON.readTree(r.body());
      if (r.statusCode() != 200) {
        if (c.expectedError() != null && queries.isEmpty()) {
          return expectedError(c, r.statusCode(), answer, adminStatements.get(adminStatements.size() - 1));
        }
        return Outcome.failed("admin statements failed: HTTP " + r.statusCode() + " " + r.body());
      }
      for (JsonNode entity : answer) {
        if (response < c.responses().size() && c.responses().get(response).has("admin")) {
          String diff = new JsonMatch(null).partial(c.responses().get(response).get("admin"), entity, "admin");
          if (diff != null) {
            return Outcome.failed("response " + response + ": " + diff);
          }
          response++;
        }
      }
      if (c.expectedError() != null && queries.isEmpty()) {
        return Outcome.failed("expected an error, but every statement succeeded");
      }
    }
    Map<String, JsonNode> sources = sourcesByTopic();
    if (!c.waitForActivePushQuery()) {
      produce(c, sources);
      awaitPersistentQueries();
    }
    for (int q = 0; q < queries.size(); q++) {
      String sql = queries.get(q);
      boolean last = q == queries.size() - 1;
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("ksql", sql);
      body.put("streamsProperties", c.properties());
      StreamingClient.Exchange exchange = streaming.post(HttpVersion.HTTP_1_1, "/query", null,
          RqttLoader.JSON.writeValueAsString(body));
      String text;
      try {
        if (c.waitForActivePushQuery()) {
          exchange.await(t -> t.contains("\"header\"") || exchange.hasEnded(), QUERY_TIMEOUT);
          produce(c, sources);
        }
        text = exchange.awaitEnd(QUERY_TIMEOUT);
      } catch (java.util.concurrent.TimeoutException | AssertionError e) {
        return Outcome.failed("query " + q + " did not end within " + QUERY_TIMEOUT.toSeconds() + " s; received: "
            + abbreviate(exchange.text()));
      } finally {
        exchange.disconnect();
      }
      int status = exchange.status();
      JsonNode answer = RqttLoader.JSON.readTree(text);
      if (status != 200) {
        if (c.expectedError() != null && last) {
          return expectedError(c, status, answer, sql);
        }
        return Outcome.failed("query " + q + " failed: HTTP " + status + " " + text);
      }
      if (c.expectedError() != null && last) {
        return Outcome.failed("expected an error, but the last query answered " + abbreviate(text));
      }
      while (response < c.responses().size() && !c.responses().get(response).has("query")) {
        response++; // e.g. queryProto, the optional protobuf form of the previous query
      }
      if (response >= c.responses().size()) {
        return Outcome.failed("no expected response for query " + q);
      }
      String diff = compareQuery(c, c.responses().get(response).get("query"), answer, sql);
      if (diff != null) {
        return Outcome.failed("query " + q + " (" + sql + "): " + diff);
      }
      response++;
    }
    return verifyOutputs(c);
  }

  private static String compareQuery(RqttCase c, JsonNode expected, JsonNode actual, String sql) {
    if (actual == null || !actual.isArray()) {
      return "not a JSON array: " + actual;
    }
    if (expected.size() != actual.size()) {
      return "expected " + expected.size() + " elements, got " + actual.size() + ": " + abbreviate(actual.toString());
    }
    JsonMatch match = new JsonMatch(sql);
    List<JsonNode> expectedRows = new ArrayList<>();
    List<JsonNode> actualRows = new ArrayList<>();
    for (int i = 0; i < expected.size(); i++) {
      JsonNode e = expected.get(i);
      JsonNode a = actual.get(i);
      if (e.has("row") && !c.verifyOrder()) {
        if (!a.has("row")) {
          return "[" + i + "]: expected a row, got " + a;
        }
        expectedRows.add(e);
        actualRows.add(a);
        continue;
      }
      String diff = match.partial(e, a, "[" + i + "]");
      if (diff != null) {
        return diff;
      }
    }
    return match.multiset(expectedRows, actualRows, "rows");
  }

  private static Outcome expectedError(RqttCase c, int status, JsonNode body, String statement) {
    JsonNode expected = c.expectedError();
    if (expected.has("status") && expected.get("status").asInt() != status) {
      return Outcome.failed("expected HTTP " + expected.get("status").asInt() + ", got " + status + ": " + body);
    }
    String message = body == null ? "" : body.path("message").asText();
    if (expected.has("message") && !message.contains(expected.get("message").asText())) {
      return Outcome.failed("expected an error containing '" + expected.get("message").asText() + "', got '"
          + message + "'");
    }
    String type = expected.path("type").asText("");
    if (type.endsWith("KsqlStatementErrorMessage")) {
      if (!"statement_error".equals(body.path("@type").asText())) {
        return Outcome.failed("expected a statement_error, got " + body);
      }
      if (!body.path("statementText").asText().contains(statement.trim())) {
        return Outcome.failed("the statement error does not name the failing statement: " + body);
      }
    }
    return Outcome.passed();
  }

  private Outcome verifyOutputs(RqttCase c) throws Exception {
    if (c.outputs().isEmpty()) {
      return Outcome.passed();
    }
    Map<String, JsonNode> sources = sourcesByTopic();
    Map<String, List<JsonNode>> expectedByTopic = new LinkedHashMap<>();
    c.outputs().forEach(o -> expectedByTopic.computeIfAbsent(o.path("topic").asText(), t -> new ArrayList<>()).add(o));
    for (Map.Entry<String, List<JsonNode>> e : expectedByTopic.entrySet()) {
      List<ConsumerRecord<byte[], byte[]>> actual = read(e.getKey(), e.getValue().size());
      if (actual.size() != e.getValue().size()) {
        return Outcome.failed("topic " + e.getKey() + ": expected " + e.getValue().size() + " records, got "
            + actual.size());
      }
      JsonNode sink = sources.get(e.getKey());
      JsonMatch match = new JsonMatch(null);
      for (int i = 0; i < actual.size(); i++) {
        JsonNode want = e.getValue().get(i);
        ConsumerRecord<byte[], byte[]> got = actual.get(i);
        String where = "topic " + e.getKey() + " record " + i;
        String diff = match.partial(upperCased(want.get("key")),
            upperCased(TopicRecords.decodeKey(sink, got.key(), avro)), where + " key");
        if (diff == null) {
          diff = match.partial(upperCased(want.get("value")),
              upperCased(TopicRecords.decodeValue(sink, got.value(), avro)), where + " value");
        }
        if (diff == null && want.has("timestamp") && !(c.inputs().isEmpty() && want.get("timestamp").asLong() == 0)
            && want.get("timestamp").asLong() != got.timestamp()) {
          diff = where + ": expected timestamp " + want.get("timestamp") + ", got " + got.timestamp();
        }
        if (diff != null) {
          return Outcome.failed(diff);
        }
      }
    }
    return Outcome.passed();
  }

  /** Field names compare exactly or upper-cased (QTT README §1.1). */
  private static JsonNode upperCased(JsonNode node) {
    if (node == null || !node.isObject()) {
      return node;
    }
    com.fasterxml.jackson.databind.node.ObjectNode out = RqttLoader.JSON.createObjectNode();
    node.fields().forEachRemaining(f -> out.set(f.getKey().toUpperCase(Locale.ROOT), upperCased(f.getValue())));
    return out;
  }

  private List<ConsumerRecord<byte[], byte[]>> read(String topic, int expected) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(),
        new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
          .map(i -> new TopicPartition(topic, i.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      long deadline = System.currentTimeMillis() + 10_000;
      while (out.size() < expected && System.currentTimeMillis() < deadline) {
        consumer.poll(Duration.ofMillis(100)).forEach(out::add);
      }
      // A short extra poll catches records beyond the expected count.
      consumer.poll(Duration.ofMillis(300)).forEach(out::add);
    }
    return out;
  }

  private void createTopics(RqttCase c) throws Exception {
    Map<String, Integer> wanted = new LinkedHashMap<>();
    for (JsonNode t : c.topics()) {
      wanted.put(t.path("name").asText(), t.path("partitions").asInt(1));
      avro.register(t);
    }
    Set<String> createdByStatements = new HashSet<>();
    for (String s : c.statements()) {
      Matcher m = SOURCE_TOPIC.matcher(s);
      if (m.find()) {
        if (s.toUpperCase(Locale.ROOT).matches("(?s).*\\bPARTITIONS\\s*=.*")) {
          createdByStatements.add(m.group(1));
        } else {
          wanted.putIfAbsent(m.group(1), 1);
        }
      }
    }
    for (JsonNode input : c.inputs()) {
      String topic = input.path("topic").asText();
      if (!createdByStatements.contains(topic)) {
        wanted.putIfAbsent(topic, 1);
      }
    }
    for (Map.Entry<String, Integer> t : wanted.entrySet()) {
      long deadline = System.currentTimeMillis() + 30_000;
      while (true) {
        try {
          admin.createTopics(List.of(new NewTopic(t.getKey(), t.getValue(), (short) 1))).all().get();
          break;
        } catch (java.util.concurrent.ExecutionException e) {
          // A topic of the previous case may still be being deleted.
          if (!(e.getCause() instanceof TopicExistsException) || System.currentTimeMillis() > deadline) {
            throw e;
          }
          Thread.sleep(100);
        }
      }
      while (!exists(admin, t.getKey()) && System.currentTimeMillis() < deadline) {
        Thread.sleep(50);
      }
    }
  }

  private void produce(RqttCase c, Map<String, JsonNode> sources) throws Exception {
    for (JsonNode input : c.inputs()) {
      String topic = input.path("topic").asText();
      JsonNode source = sources.get(topic);
      RecordHeaders headers = new RecordHeaders();
      for (JsonNode h : input.path("headers")) {
        headers.add(h.path("KEY").asText(), h.path("VALUE").isNull() ? null
            : java.util.Base64.getDecoder().decode(h.path("VALUE").asText()));
      }
      producer.send(new ProducerRecord<>(topic, null, input.path("timestamp").asLong(0),
          TopicRecords.key(source, topic, input.get("key"), input.get("window"), avro),
          TopicRecords.value(source, topic, input.get("value"), avro), headers)).get();
    }
  }

  /** Waits until every persistent query's consumer group has committed the end of what it reads. */
  private void awaitPersistentQueries() throws Exception {
    List<String> groups = persistentQueryIds().stream().map(id -> "_confluent-ksql-" + serviceId + "query_" + id)
        .toList();
    // Twice in a row: a query reading another's output may be caught up before that output arrives.
    long deadline = System.currentTimeMillis() + 60_000;
    int inARow = 0;
    while (System.currentTimeMillis() < deadline && inARow < 2) {
      inARow = caughtUp(groups) ? inARow + 1 : 0;
      Thread.sleep(200);
    }
  }

  private List<String> persistentQueryIds() throws Exception {
    HttpResponse<String> r = post("/ksql", "{\"ksql\":\"SHOW QUERIES;\"}");
    List<String> ids = new ArrayList<>();
    for (JsonNode entity : RqttLoader.JSON.readTree(r.body())) {
      // SHOW QUERIES also lists running push queries, which have no committed offsets to wait for.
      entity.path("queries").forEach(q -> {
        if (q.path("queryType").asText().equals("PERSISTENT")) {
          ids.add(q.path("id").asText());
        }
      });
    }
    return ids;
  }

  private boolean caughtUp(List<String> groups) throws Exception {
    if (groups.isEmpty()) {
      return true;
    }
    Map<String, ConsumerGroupDescription> descriptions = admin.describeConsumerGroups(groups).all().get();
    for (String group : groups) {
      ConsumerGroupDescription d = descriptions.get(group);
      if (d == null || d.members().isEmpty()) {
        return false;
      }
      Set<TopicPartition> assigned = new HashSet<>();
      d.members().forEach(m -> assigned.addAll(m.assignment().topicPartitions()));
      if (assigned.isEmpty()) {
        return false;
      }
      Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
      assigned.forEach(tp -> latest.put(tp, OffsetSpec.latest()));
      var ends = admin.listOffsets(latest).all().get();
      Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
          .partitionsToOffsetAndMetadata().get();
      for (TopicPartition tp : assigned) {
        long end = ends.get(tp).offset();
        OffsetAndMetadata c = committed.get(tp);
        if (end > 0 && (c == null || c.offset() < end)) {
          return false;
        }
      }
    }
    return true;
  }

  /** Source descriptions (LIST STREAMS/TABLES EXTENDED) by topic. */
  private Map<String, JsonNode> sourcesByTopic() throws Exception {
    HttpResponse<String> r = post("/ksql", "{\"ksql\":\"LIST STREAMS EXTENDED; LIST TABLES EXTENDED;\"}");
    Map<String, JsonNode> out = new HashMap<>();
    for (JsonNode entity : RqttLoader.JSON.readTree(r.body())) {
      for (JsonNode d : entity.path("sourceDescriptions")) {
        out.putIfAbsent(d.path("topic").asText(), d);
      }
    }
    return out;
  }

  /**
   * Removes every query, source and user topic of the case. Dropping a CTAS/CSAS sink terminates
   * its query, so sources are dropped until none is left; queries that only write into a source
   * (INSERT INTO) are terminated when no drop succeeds.
   */
  private void cleanUp() throws Exception {
    for (int round = 0; round < 10; round++) {
      List<String> drops = dropStatements();
      if (drops.isEmpty()) {
        deleteUserTopics(admin);
        avro.deleteAllSubjects();
        return;
      }
      boolean dropped = false;
      for (String drop : drops) {
        dropped |= post("/ksql", RqttLoader.JSON.writeValueAsString(Map.of("ksql", drop))).statusCode() == 200;
      }
      if (!dropped) {
        for (String id : persistentQueryIds()) {
          HttpResponse<String> terminated = post("/ksql", "{\"ksql\":\"TERMINATE " + id + ";\"}");
          if (terminated.statusCode() != 200) {
            throw new IllegalStateException("TERMINATE " + id + " failed: " + terminated.body());
          }
        }
      }
    }
    throw new IllegalStateException("sources left after dropping: " + dropStatements());
  }

  private List<String> dropStatements() throws Exception {
    HttpResponse<String> listed = post("/ksql", "{\"ksql\":\"LIST STREAMS; LIST TABLES;\"}");
    List<String> drops = new ArrayList<>();
    for (JsonNode entity : RqttLoader.JSON.readTree(listed.body())) {
      for (JsonNode source : entity.has("streams") ? entity.get("streams") : entity.path("tables")) {
        String name = source.path("name").asText();
        if (!name.equals("KSQL_PROCESSING_LOG")) {
          drops.add("DROP " + (entity.has("streams") ? "STREAM" : "TABLE") + " `" + name + "`;");
        }
      }
    }
    return drops;
  }


  /** Deletes every topic but the internal ones and waits until they are gone. */
  static void deleteUserTopics(Admin admin) throws Exception {
    Set<String> topics = new HashSet<>(admin.listTopics().names().get());
    topics.removeIf(t -> t.startsWith("_") || t.endsWith("ksql_processing_log"));
    if (!topics.isEmpty()) {
      admin.deleteTopics(topics).all().get();
      long deadline = System.currentTimeMillis() + 30_000;
      while (System.currentTimeMillis() < deadline && topics.stream().anyMatch(t -> exists(admin, t))) {
        Thread.sleep(50);
      }
    }
  }

  /** Whether the broker still describes the topic (it may list it no more while deleting it). */
  private static boolean exists(Admin admin, String topic) {
    try {
      admin.describeTopics(List.of(topic)).allTopicNames().get();
      return true;
    } catch (java.util.concurrent.ExecutionException e) {
      return !(e.getCause() instanceof org.apache.kafka.common.errors.UnknownTopicOrPartitionException);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return true;
    }
  }

  private HttpResponse<String> post(String path, String body) throws Exception {
    return http.sendAsync(HttpRequest.newBuilder(URI.create(url + path)).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
        HttpResponse.BodyHandlers.ofString()).get(60, TimeUnit.SECONDS);
  }

  private static String abbreviate(String text) {
    return text.length() > 400 ? text.substring(0, 400) + "…" : text;
  }

  void close() throws Exception {
    producer.close();
    streaming.close();
  }
}
