package io.rtdp.ksql.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.rtdp.testkit.KafkaBrokerExtension;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The REST API of SPEC §4 as a ksqlDB user's script sees it, against a real broker. */
class KsqlRestApiTest {
  @RegisterExtension
  @Order(1)
  static final KafkaBrokerExtension kafka = new KafkaBrokerExtension();

  @RegisterExtension
  @Order(2)
  static final KsqlServerExtension ksql = new KsqlServerExtension(kafka, "api_test_");

  private static KsqlRestClient client;

  @BeforeAll
  static void connect() {
    client = new KsqlRestClient(ksql.url());
  }

  @Test
  void csasFiltersAndProjectsRecordsIntoItsOutputTopic() throws Exception {
    kafka.createTopic("pageviews", 1);
    Topics.produce(kafka.bootstrapServers(), "pageviews", Topics.inOrder(
        "alice", "{\"PAGE\":\"home\",\"DURATION\":5}",
        "bob", "{\"PAGE\":\"cart\",\"DURATION\":30}",
        "carol", "{\"PAGE\":\"pay\",\"DURATION\":12}"));

    KsqlRestClient.Answer created = client.ksql(
        "CREATE STREAM PAGEVIEWS (USERID STRING KEY, PAGE STRING, DURATION INT)"
            + " WITH (KAFKA_TOPIC='pageviews', VALUE_FORMAT='JSON');\n"
            + "CREATE STREAM LONG_VIEWS AS SELECT USERID, PAGE FROM PAGEVIEWS WHERE DURATION > 10 EMIT CHANGES;");

    assertThat(created.status()).as(created.raw()).isEqualTo(200);
    JsonNode stream = created.body().get(0);
    assertThat(stream.get("@type").asText()).isEqualTo("currentStatus");
    assertThat(stream.get("commandId").asText()).isEqualTo("stream/`PAGEVIEWS`/create");
    assertThat(stream.get("commandStatus").get("status").asText()).isEqualTo("SUCCESS");
    assertThat(stream.get("commandStatus").get("message").asText()).isEqualTo("Stream created");
    assertThat(stream.get("commandSequenceNumber").isIntegralNumber()).isTrue();
    assertThat(stream.get("warnings").isArray()).isTrue();
    JsonNode csas = created.body().get(1);
    String queryId = csas.get("commandStatus").get("queryId").asText();
    assertThat(queryId).matches("CSAS_LONG_VIEWS_\\d+");
    assertThat(csas.get("commandStatus").get("message").asText()).isEqualTo("Created query with ID " + queryId);
    assertThat(csas.get("commandSequenceNumber").asLong()).isGreaterThan(stream.get("commandSequenceNumber").asLong());

    KsqlRestClient.Answer inserted = client.ksql(
        "INSERT INTO PAGEVIEWS (USERID, PAGE, DURATION) VALUES ('dave', 'faq', 40);");
    assertThat(inserted.status()).as(inserted.raw()).isEqualTo(200);
    assertThat(inserted.body()).isEmpty();

    List<ConsumerRecord<String, String>> out = Topics.read(kafka.bootstrapServers(), "LONG_VIEWS", 3,
        Duration.ofSeconds(30));
    assertThat(out).extracting(ConsumerRecord::key).containsExactly("bob", "carol", "dave");
    assertThat(KsqlRestClient.JSON.readTree(out.get(0).value()))
        .isEqualTo(KsqlRestClient.JSON.readTree("{\"PAGE\":\"cart\"}"));
    assertThat(kafka.admin().listConsumerGroups().all().get()).extracting(g -> g.groupId())
        .contains("_confluent-ksql-api_test_query_" + queryId);

    KsqlRestClient.Answer queries = client.ksql("SHOW QUERIES;");
    JsonNode query = queries.body().get(0).get("queries").get(0);
    assertThat(queries.body().get(0).get("@type").asText()).isEqualTo("queries");
    assertThat(query.get("id").asText()).isEqualTo(queryId);
    assertThat(query.get("sinks").get(0).asText()).isEqualTo("LONG_VIEWS");
    assertThat(query.get("sinkKafkaTopics").get(0).asText()).isEqualTo("LONG_VIEWS");
    assertThat(query.get("queryType").asText()).isEqualTo("PERSISTENT");
    assertThat(query.get("state").asText()).isEqualTo("RUNNING");
    assertThat(query.get("statusCount").get("RUNNING").asInt()).isEqualTo(1);

    JsonNode described = client.ksql("DESCRIBE PAGEVIEWS;").body().get(0);
    assertThat(described.get("@type").asText()).isEqualTo("sourceDescription");
    JsonNode d = described.get("sourceDescription");
    assertThat(d.get("name").asText()).isEqualTo("PAGEVIEWS");
    assertThat(d.get("type").asText()).isEqualTo("STREAM");
    assertThat(d.get("topic").asText()).isEqualTo("pageviews");
    assertThat(d.get("valueFormat").asText()).isEqualTo("JSON");
    assertThat(d.get("windowType").isNull()).isTrue();
    assertThat(d.get("readQueries").get(0).get("id").asText()).isEqualTo(queryId);
    assertThat(d.get("fields").get(0)).isEqualTo(KsqlRestClient.JSON.readTree(
        "{\"name\":\"USERID\",\"schema\":{\"type\":\"STRING\",\"fields\":null,\"memberSchema\":null},\"type\":\"KEY\"}"));
    assertThat(d.get("fields").get(2)).isEqualTo(KsqlRestClient.JSON.readTree(
        "{\"name\":\"DURATION\",\"schema\":{\"type\":\"INTEGER\",\"fields\":null,\"memberSchema\":null}}"));
    JsonNode sink = client.ksql("DESCRIBE LONG_VIEWS;").body().get(0).get("sourceDescription");
    assertThat(sink.get("writeQueries").get(0).get("id").asText()).isEqualTo(queryId);

    JsonNode streams = client.ksql("SHOW STREAMS;").body().get(0);
    assertThat(streams.get("@type").asText()).isEqualTo("streams");
    assertThat(streams.get("streams")).anySatisfy(s -> assertThat(s).isEqualTo(KsqlRestClient.JSON.readTree(
        "{\"type\":\"STREAM\",\"name\":\"PAGEVIEWS\",\"topic\":\"pageviews\",\"keyFormat\":\"KAFKA\","
            + "\"valueFormat\":\"JSON\",\"isWindowed\":false}")));
    JsonNode topics = client.ksql("LIST TOPICS;").body().get(0);
    assertThat(topics.get("@type").asText()).isEqualTo("kafka_topics");
    assertThat(topics.get("topics")).anySatisfy(t -> assertThat(t.toString())
        .isEqualTo("{\"name\":\"pageviews\",\"replicaInfo\":[1]}"));
    assertThat(topics.get("topics").toString()).doesNotContain("_confluent-ksql-");

    KsqlRestClient.Answer status = client.get("/status/stream/%60PAGEVIEWS%60/create");
    assertThat(status.body().toString()).isEqualTo("{\"status\":\"SUCCESS\",\"message\":\"Stream created\",\"queryId\":null}");
    assertThat(client.get("/status").body().get("commandStatuses").get("stream/`LONG_VIEWS`/create").asText())
        .isEqualTo("SUCCESS");
  }

  @Test
  void terminateStopsTheQueryAndDeletesItsConsumerGroup() throws Exception {
    kafka.createTopic("clicks", 1);
    client.ksql("CREATE STREAM CLICKS (ID STRING KEY, N INT) WITH (KAFKA_TOPIC='clicks', VALUE_FORMAT='JSON');");
    String queryId = client.ksql("CREATE STREAM BIG_CLICKS AS SELECT * FROM CLICKS WHERE N > 1;")
        .body().get(0).get("commandStatus").get("queryId").asText();
    String group = "_confluent-ksql-api_test_query_" + queryId;
    Topics.produce(kafka.bootstrapServers(), "clicks", Map.of("a", "{\"N\":2}"));
    assertThat(Topics.read(kafka.bootstrapServers(), "BIG_CLICKS", 1, Duration.ofSeconds(30))).hasSize(1);

    KsqlRestClient.Answer terminated = client.ksql("TERMINATE " + queryId.toLowerCase() + ";");

    assertThat(terminated.status()).as(terminated.raw()).isEqualTo(200);
    JsonNode entity = terminated.body().get(0);
    assertThat(entity.get("commandId").asText()).isEqualTo("terminate/" + queryId + "/execute");
    assertThat(entity.get("commandStatus").get("message").asText()).isEqualTo("Query terminated.");
    assertThat(client.ksql("SHOW QUERIES;").body().get(0).get("queries").toString()).doesNotContain(queryId);
    assertThat(kafka.admin().listConsumerGroups().all().get()).extracting(g -> g.groupId()).doesNotContain(group);

    KsqlRestClient.Answer dropped = client.ksql("DROP STREAM BIG_CLICKS DELETE TOPIC;");
    assertThat(dropped.body().get(0).get("commandId").asText()).isEqualTo("stream/BIG_CLICKS/drop");
    assertThat(dropped.body().get(0).get("commandStatus").get("message").asText())
        .isEqualTo("Source `BIG_CLICKS` (topic: BIG_CLICKS) was dropped.");
    assertThat(kafka.admin().listTopics().names().get()).doesNotContain("BIG_CLICKS");
  }

  @Test
  void ctasAggregatesIntoATableAndDroppingItStopsTheQueryAndDeletesItsInternalTopics() throws Exception {
    kafka.createTopic("taps", 1);
    Topics.produce(kafka.bootstrapServers(), "taps", Topics.inOrder("x", "{\"N\":1}", "y", "{\"N\":1}"));
    Topics.produce(kafka.bootstrapServers(), "taps", Map.of("x", "{\"N\":1}"));

    KsqlRestClient.Answer created = client.ksql(
        "CREATE STREAM TAPS (ID STRING KEY, N INT) WITH (KAFKA_TOPIC='taps', VALUE_FORMAT='JSON');"
            + "CREATE TABLE TAP_COUNTS AS SELECT ID, COUNT(*) AS TOTAL FROM TAPS GROUP BY ID;");
    assertThat(created.status()).as(created.raw()).isEqualTo(200);
    JsonNode ctas = created.body().get(1);
    assertThat(ctas.get("commandId").asText()).isEqualTo("table/`TAP_COUNTS`/create");
    String queryId = ctas.get("commandStatus").get("queryId").asText();
    assertThat(queryId).matches("CTAS_TAP_COUNTS_\\d+");
    String applicationId = "_confluent-ksql-api_test_query_" + queryId;

    List<ConsumerRecord<String, String>> out = Topics.read(kafka.bootstrapServers(), "TAP_COUNTS", 3,
        Duration.ofSeconds(30));
    assertThat(out).extracting(r -> r.key() + "=" + KsqlRestClient.JSON.readTree(r.value()).get("TOTAL").asInt())
        .containsExactly("x=1", "y=1", "x=2");
    assertThat(kafka.admin().listTopics().names().get()).anyMatch(t -> t.startsWith(applicationId + "-")
        && t.endsWith("-changelog"));
    JsonNode tables = client.ksql("SHOW TABLES;").body().get(0);
    assertThat(tables.get("@type").asText()).isEqualTo("tables");
    assertThat(tables.get("tables").toString()).contains("\"name\":\"TAP_COUNTS\"", "\"type\":\"TABLE\"");

    KsqlRestClient.Answer dropped = client.ksql("DROP TABLE TAP_COUNTS;");

    assertThat(dropped.status()).as(dropped.raw()).isEqualTo(200);
    assertThat(dropped.body().get(0).get("commandId").asText()).isEqualTo("table/TAP_COUNTS/drop");
    assertThat(client.ksql("SHOW QUERIES;").body().get(0).get("queries").toString()).doesNotContain(queryId);
    assertThat(kafka.admin().listTopics().names().get()).noneMatch(t -> t.startsWith(applicationId + "-"))
        .contains("TAP_COUNTS");
  }

  @Test
  void badRequestsAreRejectedWithErrorBodiesAndNothingOfTheRequestRuns() throws Exception {
    KsqlRestClient.Answer syntax = client.ksql("CREATE STREAM WHAT IS THIS;");
    assertThat(syntax.status()).isEqualTo(400);
    assertThat(syntax.body().get("@type").asText()).isEqualTo("statement_error");
    assertThat(syntax.body().get("error_code").asInt()).isEqualTo(40001);
    assertThat(syntax.body().get("message").asText()).isNotBlank();
    assertThat(syntax.body().get("entities").isArray()).isTrue();

    KsqlRestClient.Answer unknown = client.ksql(
        "CREATE STREAM FIRST_OK (A INT) WITH (KAFKA_TOPIC='first_ok', VALUE_FORMAT='JSON', PARTITIONS=1);"
            + " CREATE STREAM NOPE AS SELECT * FROM NO_SUCH_SOURCE;");
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.body().get("error_code").asInt()).isEqualTo(40001);
    assertThat(unknown.body().get("statementText").asText()).contains("NO_SUCH_SOURCE");
    assertThat(unknown.body().get("message").asText()).contains("NO_SUCH_SOURCE");
    assertThat(client.ksql("SHOW STREAMS;").body().get(0).get("streams").toString()).doesNotContain("FIRST_OK");
    assertThat(kafka.admin().listTopics().names().get()).doesNotContain("first_ok");

    KsqlRestClient.Answer describe = client.ksql("DESCRIBE NO_SUCH_SOURCE;");
    assertThat(describe.status()).isEqualTo(400);
    assertThat(describe.body().get("message").asText()).contains("NO_SUCH_SOURCE");

    KsqlRestClient.Answer select = client.ksql("SELECT * FROM PAGEVIEWS EMIT CHANGES;");
    assertThat(select.status()).isEqualTo(400);
    assertThat(select.body().get("error_code").asInt()).isEqualTo(40002);

    KsqlRestClient.Answer notJson = client.post("/ksql", "{not json", "application/json");
    assertThat(notJson.status()).isEqualTo(400);
    assertThat(notJson.body().get("@type").asText()).isEqualTo("generic_error");
    assertThat(notJson.body().get("error_code").asInt()).isEqualTo(40000);

    KsqlRestClient.Answer root = client.get("/");
    assertThat(root.status()).isEqualTo(307);
    assertThat(client.get("/chc/ready").raw()).isEqualTo("{}");

    KsqlRestClient.Answer missing = client.get("/no/such/path");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.raw()).isEqualTo("Not Found");
    assertThat(client.get("/status/stream/NOPE/create").body().get("error_code").asInt()).isEqualTo(40400);
  }

  @Test
  void infoHealthcheckAndClusterStatusDescribeTheServer() throws Exception {
    JsonNode info = client.get("/info").body().get("KsqlServerInfo");
    assertThat(info.get("ksqlServiceId").asText()).isEqualTo("api_test_");
    assertThat(info.get("serverStatus").asText()).isEqualTo("RUNNING");
    assertThat(info.get("kafkaClusterId").asText())
        .isEqualTo(kafka.admin().describeCluster().clusterId().get());

    KsqlRestClient.Answer health = client.get("/healthcheck");
    assertThat(health.status()).isEqualTo(200);
    assertThat(health.body().get("isHealthy").asBoolean()).isTrue();
    assertThat(health.body().get("serverState").asText()).isEqualTo("READY");
    assertThat(health.body().get("details").get("kafka").get("isHealthy").asBoolean()).isTrue();

    URI url = URI.create(ksql.url());
    JsonNode cluster = client.get("/clusterStatus").body().get("clusterStatus");
    assertThat(cluster.get(url.getHost() + ":" + url.getPort()).get("hostAlive").asBoolean()).isTrue();
  }

  @Test
  void servesHttp2CleartextWithPriorKnowledgeOnTheSamePort() throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      URI url = URI.create(ksql.url());
      var client = vertx.createHttpClient(new HttpClientOptions().setProtocolVersion(HttpVersion.HTTP_2)
          .setHttp2ClearTextUpgrade(false));
      var answer = client.request(HttpMethod.GET, url.getPort(), url.getHost(), "/info")
          .compose(req -> req.send())
          .compose(resp -> resp.body().map(body -> resp.version() + " " + resp.statusCode() + " " + body))
          .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
      assertThat(answer).startsWith("HTTP_2 200 {\"KsqlServerInfo\"");
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get();
    }
  }
}
