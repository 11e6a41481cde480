package io.rtdp.ksql.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.rtdp.testkit.KafkaBrokerExtension;
import io.vertx.core.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Bad records in persistent queries (SPEC §3.3): skipped, logged to the processing-log topic that
 * the KSQL_PROCESSING_LOG stream reads, and counted in the runtime statistics of DESCRIBE EXTENDED,
 * SHOW QUERIES EXTENDED and EXPLAIN.
 */
class ProcessingLogTest {
  @RegisterExtension
  static final KafkaBrokerExtension kafka = new KafkaBrokerExtension();

  private static final String SERVICE_ID = "plog_test_";
  private static final String LOG_TOPIC = SERVICE_ID + "ksql_processing_log";

  private static KsqlServer server;
  private static KsqlRestClient client;

  @BeforeAll
  static void startServer() throws Exception {
    server = startServerOfTheService();
    client = new KsqlRestClient(server.url());
  }

  /** A server of the test's service, with the processing-log topic and stream created, rows included. */
  private static KsqlServer startServerOfTheService() throws Exception {
    return TestServers.start(kafka.bootstrapServers(), SERVICE_ID, Files.createTempDirectory("ksql-plog-test"), Map.of(
        "ksql.logging.processing.topic.auto.create", "true",
        "ksql.logging.processing.stream.auto.create", "true",
        "ksql.logging.processing.rows.include", "true"));
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  @Test
  void theProcessingLogStreamIsRegisteredOnTheProcessingLogTopicWithTheEntrySchema() throws Exception {
    assertThat(kafka.admin().listTopics().names().get()).contains(LOG_TOPIC);

    KsqlRestClient.Answer described = client.ksql("DESCRIBE KSQL_PROCESSING_LOG;");

    assertThat(described.status()).as(described.raw()).isEqualTo(200);
    JsonNode d = described.body().get(0).get("sourceDescription");
    assertThat(d.get("topic").asText()).isEqualTo(LOG_TOPIC);
    assertThat(d.get("valueFormat").asText()).isEqualTo("JSON");
    assertThat(d.get("fields")).extracting(f -> f.get("name").asText())
        .containsExactly("LOGGER", "LEVEL", "TIME", "MESSAGE");
    JsonNode message = d.get("fields").get(3).get("schema");
    assertThat(message.get("type").asText()).isEqualTo("STRUCT");
    assertThat(message.get("fields")).extracting(f -> f.get("name").asText()).containsExactly("TYPE",
        "DESERIALIZATIONERROR", "RECORDPROCESSINGERROR", "PRODUCTIONERROR", "SERIALIZATIONERROR",
        "KAFKASTREAMSTHREADERROR");
    assertThat(message.get("fields").get(1).get("schema").get("fields")).extracting(f -> f.get("name").asText())
        .containsExactly("TARGET", "ERRORMESSAGE", "RECORDB64", "CAUSE", "TOPIC");
  }

  @Test
  void aMalformedRecordIsLoggedWithItsCoordinatesAndTheQueryGoesOnToTheNextRecord() throws Exception {
    String queryId = createQuery("readings", "CREATE STREAM READINGS (ID STRING KEY, CELSIUS DOUBLE)"
        + " WITH (KAFKA_TOPIC='readings', VALUE_FORMAT='JSON');"
        + "CREATE STREAM HOT AS SELECT ID, CELSIUS FROM READINGS WHERE CELSIUS > 30;");
    Topics.produce(kafka.bootstrapServers(), "readings",
        Topics.inOrder("a", "{\"CELSIUS\": 35.5}", "b", "{not json", "c", "{\"CELSIUS\": 41}"));

    List<ConsumerRecord<String, String>> hot = Topics.read(kafka.bootstrapServers(), "HOT", 2, Duration.ofSeconds(60));
    assertThat(hot).extracting(ConsumerRecord::key).containsExactly("a", "c");

    JsonNode entry = entriesOf(queryId, 1).get(0);
    assertThat(entry.get("logger").asText()).startsWith("processing." + queryId);
    assertThat(entry.get("level").asText()).isEqualTo("ERROR");
    assertThat(entry.get("time").asLong()).isPositive();
    JsonNode message = entry.get("message");
    assertThat(message.get("type").asInt()).isZero();
    JsonNode error = message.get("deserializationError");
    assertThat(error.get("target").asText()).isEqualTo("value");
    assertThat(error.get("topic").asText()).isEqualTo("readings");
    assertThat(error.get("errorMessage").asText()).contains("readings-0@1");
    assertThat(new String(Base64.getDecoder().decode(error.get("recordB64").asText()), StandardCharsets.UTF_8))
        .isEqualTo("{not json");
    assertThat(error.get("cause").isArray()).isTrue();
    for (String other : List.of("recordProcessingError", "productionError", "serializationError",
        "kafkaStreamsThreadError")) {
      assertThat(message.get(other).isNull()).as(other).isTrue();
    }
  }

  @Test
  void anExpressionThatFailsOnARecordIsLoggedAndYieldsNull() throws Exception {
    String queryId = createQuery("codes", "CREATE STREAM CODES (ID STRING KEY, CODE STRING)"
        + " WITH (KAFKA_TOPIC='codes', VALUE_FORMAT='JSON');"
        + "CREATE STREAM CODE_NUMBERS AS SELECT ID, CAST(CODE AS INT) AS N FROM CODES;");
    Topics.produce(kafka.bootstrapServers(), "codes", Topics.inOrder(
        "x", "{\"CODE\": \"abc\"}",
        "y", "{\"CODE\": \"12\"}"));

    List<ConsumerRecord<String, String>> out = Topics.read(kafka.bootstrapServers(), "CODE_NUMBERS", 2,
        Duration.ofSeconds(60));
    assertThat(out).extracting(ConsumerRecord::value).containsExactly("{\"N\":null}", "{\"N\":12}");

    JsonNode entry = entriesOf(queryId, 1).get(0);
    assertThat(entry.get("message").get("type").asInt()).isEqualTo(1);
    assertThat(entry.get("message").get("recordProcessingError").get("errorMessage").asText()).contains("abc");
    assertThat(entry.get("message").get("recordProcessingError").get("record").asText()).contains("\"abc\"");
    assertThat(entry.get("message").get("deserializationError").isNull()).isTrue();
  }

  @Test
  void aRecordTheBrokerRefusesIsLoggedAndStopsTheQueryWhoseThreadDeathIsLoggedToo() throws Exception {
    kafka.admin().createTopics(List.of(new NewTopic("small_notes", 1, (short) 1)
        .configs(Map.of("max.message.bytes", "200")))).all().get();
    String queryId = createQuery("notes", "CREATE STREAM NOTES (ID STRING KEY, TEXT STRING)"
        + " WITH (KAFKA_TOPIC='notes', VALUE_FORMAT='JSON');"
        + "CREATE STREAM SMALL_NOTES WITH (KAFKA_TOPIC='small_notes') AS SELECT * FROM NOTES;");
    Topics.produce(kafka.bootstrapServers(), "notes", Map.of("n1", "{\"TEXT\": \"" + "x".repeat(500) + "\"}"));

    List<JsonNode> entries = entriesOf(queryId, 2);
    assertThat(entries).extracting(e -> e.get("message").get("type").asInt()).containsExactly(2, 4);
    assertThat(entries.get(0).get("message").get("productionError").get("errorMessage").asText())
        .contains("small_notes");
    JsonNode threadError = entries.get(1).get("message").get("kafkaStreamsThreadError");
    assertThat(threadError.get("threadName").asText()).contains("StreamThread");
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      JsonNode explained = client.ksql("EXPLAIN " + queryId + ";").body().get(0).get("queryDescription");
      assertThat(explained.get("state").asText()).isEqualTo("ERROR");
      assertThat(explained.get("queryErrors")).hasSize(1);
      assertThat(explained.get("queryErrors").get(0).get("errorMessage").asText()).isNotBlank();
      assertThat(explained.get("queryErrors").get(0).get("type").asText()).isEqualTo("UNKNOWN");
      assertThat(explained.get("queryErrors").get(0).get("timestamp").asLong()).isPositive();
    });
  }

  @Test
  void describeExtendedShowQueriesExtendedAndExplainGiveRuntimeStatistics() throws Exception {
    String queryId = createQuery("clicks", "CREATE STREAM CLICKS (ID STRING KEY, URL STRING)"
        + " WITH (KAFKA_TOPIC='clicks', VALUE_FORMAT='JSON');"
        + "CREATE STREAM CLICKS_COPY AS SELECT * FROM CLICKS;");
    Topics.produce(kafka.bootstrapServers(), "clicks",
        Topics.inOrder("1", "{\"URL\": \"/a\"}", "2", "[broken", "3", "{\"URL\": \"/b\"}"));
    assertThat(Topics.read(kafka.bootstrapServers(), "CLICKS_COPY", 2, Duration.ofSeconds(60))).hasSize(2);

    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      JsonNode source = client.ksql("DESCRIBE CLICKS EXTENDED;").body().get(0).get("sourceDescription");
      assertThat(source.get("extended").asBoolean()).isTrue();
      assertThat(source.get("statistics").asText()).matches(".*consumer-total-messages: +3 .*")
          .contains("consumer-messages-per-sec:", "last-message:");
      assertThat(source.get("errorStats").asText()).matches("consumer-failed-messages: +1 .*")
          .contains("last-failed:");
      JsonNode sink = client.ksql("DESCRIBE CLICKS_COPY EXTENDED;").body().get(0).get("sourceDescription");
      assertThat(sink.get("statistics").asText()).matches(".*total-messages: +2 .*").contains("messages-per-sec:");
      assertThat(sink.get("errorStats").asText()).isEmpty();
    });
    JsonNode plain = client.ksql("DESCRIBE CLICKS;").body().get(0).get("sourceDescription");
    assertThat(plain.get("statistics").asText()).isEmpty();
    assertThat(plain.get("errorStats").asText()).isEmpty();

    JsonNode explained = client.ksql("EXPLAIN " + queryId + ";").body().get(0).get("queryDescription");
    assertThat(explained.get("statistics").asText()).matches(".*consumer-total-messages: +3 .*")
        .matches(".*total-messages: +2 .*");
    assertThat(explained.get("errorStats").asText()).matches("failed-messages: +1 .*");

    KsqlRestClient.Answer all = client.ksql("SHOW QUERIES EXTENDED;");
    assertThat(all.status()).as(all.raw()).isEqualTo(200);
    assertThat(all.body().get(0).get("@type").asText()).isEqualTo("query_descriptions");
    assertThat(all.body().get(0).get("queryDescriptions")).anySatisfy(q -> {
      assertThat(q.get("id").asText()).isEqualTo(queryId);
      assertThat(q.get("statistics").asText()).contains("consumer-total-messages:");
      assertThat(q.get("state").asText()).isEqualTo("RUNNING");
    });
  }

  @Test
  void aPushQueryOnTheProcessingLogStreamReadsTheEntriesWithTheirStructFields() throws Exception {
    String queryId = createQuery("meters", "CREATE STREAM METERS (ID STRING KEY, KWH DOUBLE)"
        + " WITH (KAFKA_TOPIC='meters', VALUE_FORMAT='JSON');"
        + "CREATE STREAM METERS_COPY AS SELECT * FROM METERS;");
    Topics.produce(kafka.bootstrapServers(), "meters", Map.of("m1", "{\"KWH\": \"lots\"}"));

    try (StreamingClient streaming = new StreamingClient(server.url())) {
      StreamingClient.Exchange query = streaming.post(HttpVersion.HTTP_1_1, "/query-stream", "application/json",
          "{\"sql\":\"SELECT LOGGER, MESSAGE->TYPE AS T, MESSAGE->DESERIALIZATIONERROR->TOPIC AS TOPIC"
              + " FROM KSQL_PROCESSING_LOG WHERE LOGGER LIKE 'processing." + queryId + "%' EMIT CHANGES LIMIT 1;\","
              + "\"properties\":{\"auto.offset.reset\":\"earliest\"}}");
      JsonNode rows = KsqlRestClient.JSON.readTree(query.awaitEnd(Duration.ofSeconds(60)));
      assertThat(query.status()).as(rows.toString()).isEqualTo(200);
      assertThat(rows.get(0).get("columnNames").toString()).isEqualTo("[\"LOGGER\",\"T\",\"TOPIC\"]");
      assertThat(rows.get(1).toString()).isEqualTo(
          "[\"processing." + queryId + ".KsqlTopic.Source.deserializer\",0,\"meters\"]");
    }
  }

  @Test
  void aSecondServerOfTheServiceFindsTheStreamAndDoesNotCreateItAgain() throws Exception {
    try (KsqlServer second = startServerOfTheService()) {
      JsonNode streams = new KsqlRestClient(second.url()).ksql("SHOW STREAMS;").body().get(0).get("streams");
      assertThat(streams).filteredOn(s -> s.get("name").asText().equals("KSQL_PROCESSING_LOG")).hasSize(1);
    }
    List<ConsumerRecord<String, String>> commands = Topics.read(kafka.bootstrapServers(), server.commandTopic(),
        Integer.MAX_VALUE, Duration.ofSeconds(3));
    assertThat(commands).filteredOn(c -> c.value().contains("KSQL_PROCESSING_LOG")).hasSize(1);
  }

  /** Creates the topic, runs the statements (a source and a persistent query on it) and gives the query's id. */
  private static String createQuery(String topic, String statements) throws Exception {
    kafka.createTopic(topic, 1);
    KsqlRestClient.Answer created = client.ksql(statements);
    assertThat(created.status()).as(created.raw()).isEqualTo(200);
    return created.body().get(1).get("commandStatus").get("queryId").asText();
  }

  /** The processing-log entries of one query, read from the topic until {@code expected} arrived. */
  private static List<JsonNode> entriesOf(String queryId, int expected) {
    return await().atMost(Duration.ofSeconds(60)).until(() -> Topics.read(kafka.bootstrapServers(), LOG_TOPIC,
        Integer.MAX_VALUE, Duration.ofSeconds(2)).stream().map(r -> json(r.value()))
        .filter(e -> e.get("logger").asText().startsWith("processing." + queryId + ".")
            || e.get("logger").asText().equals("processing." + queryId))
        .toList(), l -> l.size() >= expected);
  }

  private static JsonNode json(String text) {
    try {
      return KsqlRestClient.JSON.readTree(text);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
