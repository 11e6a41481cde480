package io.rtdp.ksql.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.rtdp.testkit.KafkaBrokerExtension;
import io.vertx.core.http.HttpVersion;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** PRINT on /query and /query-stream (SPEC §1.12, §4.4), and sessionVariables on /ksql and /query. */
class PrintTest {
  @RegisterExtension
  @Order(1)
  static final KafkaBrokerExtension kafka = new KafkaBrokerExtension();

  @RegisterExtension
  @Order(2)
  static final KsqlServerExtension ksql = new KsqlServerExtension(kafka, "print_test_");

  private static KsqlRestClient rest;
  private static StreamingClient streaming;

  @BeforeAll
  static void setUp() throws Exception {
    rest = new KsqlRestClient(ksql.url());
    streaming = new StreamingClient(ksql.url());
    kafka.createTopic("Clicks", 1);
    Topics.produce(kafka.bootstrapServers(), "Clicks", Topics.inOrder(
        "u1", "{\"page\":\"home\"}",
        "u2", "{\"page\":\"cart\"}",
        "u3", "plain text"));
  }

  @AfterAll
  static void closeClients() throws Exception {
    streaming.close();
  }

  @Test
  void printFromBeginningWithLimitShowsFormatsAndRecordsThenEnds() throws Exception {
    StreamingClient.Exchange print = streaming.post(HttpVersion.HTTP_1_1, "/query", null,
        "{\"ksql\":\"PRINT 'Clicks' FROM BEGINNING LIMIT 2;\",\"streamsProperties\":{}}");
    String body = print.awaitEnd(Duration.ofSeconds(30));
    assertThat(print.status()).isEqualTo(200);
    String[] lines = body.split("\n");
    assertThat(lines).hasSize(4);
    assertThat(lines[0]).isEqualTo("Key format: KAFKA_STRING");
    assertThat(lines[1]).isEqualTo("Value format: JSON or KAFKA_STRING");
    assertThat(lines[2]).matches("rowtime: \\d{4}/\\d{2}/\\d{2} \\d{2}:\\d{2}:\\d{2}\\.\\d{3} Z, key: u1,"
        + " value: \\{\"page\":\"home\"}, partition: 0");
    assertThat(lines[3]).contains("key: u2, value: {\"page\":\"cart\"}, partition: 0");
  }

  @Test
  void printWithIntervalSkipsRecordsAndReprintsTheValueFormatWhenItChanges() throws Exception {
    String body = streaming.post(HttpVersion.HTTP_2, "/query-stream", null,
        "{\"sql\":\"PRINT Clicks FROM BEGINNING INTERVAL 2 LIMIT 2;\"}").awaitEnd(Duration.ofSeconds(30));
    String[] lines = body.split("\n");
    assertThat(lines).containsExactly("Key format: KAFKA_STRING", "Value format: JSON or KAFKA_STRING",
        lines[2], "Value format: KAFKA_STRING", lines[4]);
    assertThat(lines[2]).contains("key: u1,");
    assertThat(lines[4]).contains("key: u3, value: plain text,");
  }

  @Test
  void printWithoutFromBeginningShowsOnlyNewRecordsUntilTheClientLeaves() throws Exception {
    StreamingClient.Exchange print = streaming.post(HttpVersion.HTTP_1_1, "/query", null,
        "{\"ksql\":\"PRINT 'Clicks';\"}");
    assertThat(print.status()).isEqualTo(200);
    Thread.sleep(1000);
    Topics.produce(kafka.bootstrapServers(), "Clicks", Map.of("u9", "{\"page\":\"new\"}"));
    print.await(t -> t.contains("key: u9"), Duration.ofSeconds(30));
    assertThat(print.text()).doesNotContain("key: u1");
    print.disconnect();
  }

  @Test
  void printOfAnUnknownTopicIsAStatementErrorNamingIt() throws Exception {
    KsqlRestClient.Answer answer = rest.post("/query", "{\"ksql\":\"PRINT 'clicks_missing';\"}", "application/json");
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.body().get("@type").asText()).isEqualTo("statement_error");
    assertThat(answer.body().get("error_code").asInt()).isEqualTo(40001);
    assertThat(answer.body().get("message").asText()).startsWith("Could not find topic 'clicks_missing', or the KSQL"
        + " user does not have permissions to list the topic. Topic names are case-sensitive.");
  }

  @Test
  void printOnQueryStreamNeedsTheDelimitedFormat() throws Exception {
    StreamingClient.Exchange print = streaming.post(HttpVersion.HTTP_2, "/query-stream", "application/json",
        "{\"sql\":\"PRINT 'Clicks' FROM BEGINNING;\"}");
    print.awaitEnd(Duration.ofSeconds(30));
    assertThat(print.status()).isEqualTo(406);
  }

  @Test
  void sessionVariablesAreSubstitutedOnKsqlAndDefineAppliesToLaterStatements() throws Exception {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("ksql", "CREATE STREAM ${name} (ID INT KEY, V STRING) WITH (KAFKA_TOPIC='${topic}', VALUE_FORMAT='JSON',"
        + " PARTITIONS=1); DEFINE other = 'SECOND'; CREATE STREAM ${other} AS SELECT * FROM ${name};");
    body.put("sessionVariables", Map.of("name", "FIRST", "topic", "first_topic"));
    KsqlRestClient.Answer answer = rest.post("/ksql", KsqlRestClient.JSON.writeValueAsString(body),
        "application/json");
    assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
    assertThat(answer.body()).hasSize(2);
    assertThat(answer.body().get(0).get("commandId").asText()).isEqualTo("stream/`FIRST`/create");
    assertThat(answer.body().get(1).get("commandId").asText()).isEqualTo("stream/`SECOND`/create");
    JsonNode described = rest.ksql("DESCRIBE FIRST;").body().get(0);
    assertThat(described.get("sourceDescription").get("topic").asText()).isEqualTo("first_topic");
  }

  @Test
  void sessionVariablesAreSubstitutedInPrint() throws Exception {
    String body = streaming.post(HttpVersion.HTTP_1_1, "/query", null,
        "{\"ksql\":\"PRINT '${t}' FROM BEGINNING LIMIT 1;\",\"sessionVariables\":{\"t\":\"Clicks\"}}")
        .awaitEnd(Duration.ofSeconds(30));
    assertThat(body).contains("key: u1,");
  }
}
