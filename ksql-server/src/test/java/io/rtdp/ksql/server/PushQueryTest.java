package io.rtdp.ksql.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.rtdp.testkit.KafkaBrokerExtension;
import io.vertx.core.http.HttpVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Push queries (SPEC §3.1, §4.4, §4.5) on a real broker: rows inserted after the query started
 * arrive on /query and /query-stream in every format over HTTP/1.1 and HTTP/2; LIMIT, /close-query
 * and a client that goes away end the query and release everything it held.
 */
class PushQueryTest {
  @RegisterExtension
  static final KafkaBrokerExtension kafka = new KafkaBrokerExtension();
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final String SERVICE_ID = "push_test_";

  private static KsqlServer server;
  private static KsqlRestClient rest;
  private static StreamingClient streaming;
  private static Admin admin;
  private static QueryResources resources;

  @BeforeAll
  static void startServer() throws Exception {
    Path stateDir = Files.createTempDirectory("ksql-push-test");
    server = TestServers.start(kafka.bootstrapServers(), SERVICE_ID, stateDir, Map.of());
    rest = new KsqlRestClient(server.url());
    streaming = new StreamingClient(server.url());
    admin = kafka.admin();
    resources = new QueryResources(admin, stateDir, SERVICE_ID);
    KsqlRestClient.Answer created = rest.ksql(
        "CREATE STREAM READINGS (ID STRING KEY, CELSIUS DOUBLE) WITH (KAFKA_TOPIC='readings', VALUE_FORMAT='JSON',"
            + " PARTITIONS=1);");
    assertThat(created.status()).as(created.raw()).isEqualTo(200);
  }

  @AfterAll
  static void stopServer() throws Exception {
    streaming.close();
    server.close();
    admin.close();
  }

  private static void insert(String id, double celsius) throws Exception {
    KsqlRestClient.Answer a = rest.ksql("INSERT INTO READINGS (ID, CELSIUS) VALUES ('" + id + "', " + celsius + ");");
    assertThat(a.status()).as(a.raw()).isEqualTo(200);
  }

  @Test
  void queryStreamsRowsInsertedAfterItStartedAndEndsAtTheLimit() throws Exception {
    StreamingClient.Exchange query = streaming.post(HttpVersion.HTTP_1_1, "/query", "application/vnd.ksql.v1+json",
        "{\"ksql\":\"SELECT * FROM READINGS WHERE CELSIUS > 20 EMIT CHANGES LIMIT 2;\",\"streamsProperties\":{}}");
    query.await(t -> t.contains("header"), WAIT);
    assertThat(query.status()).isEqualTo(200);
    insert("r1", 21.5);
    insert("r2", 10.0);
    insert("r3", 30.0);
    String body = query.awaitEnd(WAIT);
    String[] lines = body.split("\n");
    assertThat(lines).hasSize(4);
    assertThat(lines[0]).matches("\\[\\{\"header\":\\{\"queryId\":\"transient_READINGS_\\d+\","
        + "\"schema\":\"`ID` STRING, `CELSIUS` DOUBLE\"}},");
    assertThat(lines[1]).isEqualTo("{\"row\":{\"columns\":[\"r1\",21.5]}},");
    assertThat(lines[2]).isEqualTo("{\"row\":{\"columns\":[\"r3\",30.0]}},");
    assertThat(lines[3]).isEqualTo("{\"finalMessage\":\"Limit Reached\"}]");
    String id = QueryResources.queryId(lines[0]);
    await().atMost(WAIT).untilAsserted(() -> assertThat(resources.leftBy(id)).isEmpty());
  }

  @Test
  void queryStreamDelimitedOverHttp2RunsUntilCloseQuery() throws Exception {
    StreamingClient.Exchange query = streaming.post(HttpVersion.HTTP_2, "/query-stream", null,
        "{\"sql\":\"SELECT ID, CELSIUS * 2 AS DOUBLED FROM READINGS EMIT CHANGES;\",\"properties\":{}}");
    query.await(t -> t.contains("\n"), WAIT);
    assertThat(query.version()).isEqualTo("HTTP_2");
    assertThat(query.contentType()).isEqualTo("application/vnd.ksqlapi.delimited.v1");
    JsonNode meta = KsqlRestClient.JSON.readTree(query.lines().get(0));
    String id = meta.get("queryId").asText();
    assertThat(id).startsWith("transient_READINGS_");
    assertThat(meta.get("columnNames").toString()).isEqualTo("[\"ID\",\"DOUBLED\"]");
    assertThat(meta.get("columnTypes").toString()).isEqualTo("[\"STRING\",\"DOUBLE\"]");
    insert("d1", 1.5);
    query.await(t -> t.contains("[\"d1\",3.0]\n"), WAIT);
    assertThat(resources.leftBy(id)).isNotEmpty();

    KsqlRestClient.Answer closed = rest.post("/close-query", "{\"queryId\":\"" + id + "\"}", "application/json");
    assertThat(closed.status()).isEqualTo(200);
    assertThat(closed.raw()).isEmpty();
    String body = query.awaitEnd(WAIT);
    assertThat(body.split("\n")).hasSize(2);
    await().atMost(WAIT).untilAsserted(() -> assertThat(resources.leftBy(id)).isEmpty());
  }

  @Test
  void showQueriesListsARunningPushQueryAndTerminateOnKsqlEndsIt() throws Exception {
    String sql = "SELECT ID FROM READINGS WHERE ID = 't1' EMIT CHANGES;";
    StreamingClient.Exchange query = streaming.post(HttpVersion.HTTP_1_1, "/query-stream", null,
        "{\"sql\":\"" + sql + "\"}");
    query.await(t -> t.contains("\n"), WAIT);
    String id = KsqlRestClient.JSON.readTree(query.lines().get(0)).get("queryId").asText();

    JsonNode listed = rest.ksql("SHOW QUERIES;").body().get(0).get("queries");
    JsonNode push = null;
    for (JsonNode q : listed) {
      push = q.get("id").asText().equals(id) ? q : push;
    }
    assertThat(push).as(listed.toString()).isNotNull();
    assertThat(push.get("queryType").asText()).isEqualTo("PUSH");
    assertThat(push.get("queryString").asText()).isEqualTo(sql);
    assertThat(push.get("sinks")).isEmpty();
    assertThat(push.get("sinkKafkaTopics")).isEmpty();
    assertThat(push.get("state").asText()).isEqualTo("RUNNING");
    assertThat(push.get("statusCount").toString()).isEqualTo("{\"RUNNING\":1}");
    JsonNode described = rest.ksql("SHOW QUERIES EXTENDED;").body().get(0).get("queryDescriptions");
    assertThat(described.toString()).contains("\"id\":\"" + id + "\"", "\"queryType\":\"PUSH\"");

    // Ids are case-insensitive in TERMINATE; the entity names the query as it runs.
    KsqlRestClient.Answer terminated = rest.ksql("TERMINATE " + id.toUpperCase(java.util.Locale.ROOT) + ";");
    assertThat(terminated.status()).as(terminated.raw()).isEqualTo(200);
    JsonNode entity = terminated.body().get(0);
    assertThat(entity.get("@type").asText()).isEqualTo("terminate_query");
    assertThat(entity.get("queryId").asText()).isEqualTo(id);
    assertThat(entity.get("wasTerminated").asBoolean()).isTrue();
    query.awaitEnd(WAIT);
    await().atMost(WAIT).untilAsserted(() -> assertThat(resources.leftBy(id)).isEmpty());
    await().atMost(WAIT).untilAsserted(() ->
        assertThat(rest.ksql("SHOW QUERIES;").body().get(0).get("queries").toString()).doesNotContain(id));

    KsqlRestClient.Answer again = rest.ksql("TERMINATE " + id + ";");
    assertThat(again.status()).isEqualTo(400);
    assertThat(again.body().get("message").asText()).startsWithIgnoringCase("Unknown queryId: " + id);
  }

  @Test
  void queryStreamAnswersOneJsonArrayForApplicationJson() throws Exception {
    StreamingClient.Exchange query = streaming.post(HttpVersion.HTTP_1_1, "/query-stream", "application/json",
        "{\"sql\":\"SELECT ID FROM READINGS WHERE ID = 'j1' EMIT CHANGES LIMIT 1;\"}");
    query.await(t -> t.startsWith("[{"), WAIT);
    insert("j1", 3.0);
    String body = query.awaitEnd(WAIT);
    assertThat(query.contentType()).isEqualTo("application/json");
    JsonNode array = KsqlRestClient.JSON.readTree(body);
    assertThat(array).hasSize(2);
    assertThat(array.get(0).get("columnNames").toString()).isEqualTo("[\"ID\"]");
    assertThat(array.get(1).toString()).isEqualTo("[\"j1\"]");
  }

  @Test
  void queryStreamAnswersStreamedRowsForTheVersionedMediaTypeOverHttp2() throws Exception {
    StreamingClient.Exchange query = streaming.post(HttpVersion.HTTP_2, "/query-stream",
        "application/vnd.ksql.v1+json", "{\"sql\":\"SELECT ID FROM READINGS WHERE ID = 'v1' EMIT CHANGES LIMIT 1;\"}");
    query.await(t -> t.contains("header"), WAIT);
    insert("v1", 3.0);
    String body = query.awaitEnd(WAIT);
    JsonNode array = KsqlRestClient.JSON.readTree(body);
    assertThat(array).hasSize(3);
    assertThat(array.get(0).get("header").get("schema").asText()).isEqualTo("`ID` STRING");
    assertThat(array.get(1).toString()).isEqualTo("{\"row\":{\"columns\":[\"v1\"]}}");
    assertThat(array.get(2).toString()).isEqualTo("{\"finalMessage\":\"Limit Reached\"}");
  }

  @Test
  void aClientThatGoesAwayEndsAnAggregatingQueryAndItsInternalTopicsStateAndGroupAreDeleted() throws Exception {
    StreamingClient.Exchange query = streaming.post(HttpVersion.HTTP_1_1, "/query", null,
        "{\"ksql\":\"SELECT ID, COUNT(*) AS N FROM READINGS GROUP BY ID EMIT CHANGES;\"}");
    query.await(t -> t.contains("header"), WAIT);
    String id = QueryResources.queryId(query.text());
    insert("g1", 1.0);
    query.await(t -> t.contains("[\"g1\",1]"), WAIT);
    assertThat(resources.leftBy(id)).anyMatch(r -> r.startsWith("topic ") && r.endsWith("-changelog"))
        .anyMatch(r -> r.startsWith("group ")).anyMatch(r -> r.startsWith("state dir "));

    query.disconnect();
    await().atMost(WAIT).untilAsserted(() -> assertThat(resources.leftBy(id)).isEmpty());
  }

  @Test
  void twentyConcurrentPushQueriesAllGetTheRowAndLeaveNothingBehind() throws Exception {
    List<StreamingClient.Exchange> queries = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      queries.add(streaming.post(i % 2 == 0 ? HttpVersion.HTTP_2 : HttpVersion.HTTP_1_1, "/query-stream", null,
          "{\"sql\":\"SELECT ID FROM READINGS WHERE ID = 'c1' EMIT CHANGES;\"}"));
    }
    List<String> ids = new ArrayList<>();
    for (StreamingClient.Exchange q : queries) {
      q.await(t -> t.contains("\n"), WAIT);
      ids.add(QueryResources.queryId(q.lines().get(0)));
    }
    assertThat(ids).doesNotHaveDuplicates();
    insert("c1", 5.0);
    for (StreamingClient.Exchange q : queries) {
      q.await(t -> t.contains("[\"c1\"]\n"), WAIT);
    }
    for (int i = 0; i < queries.size(); i++) {
      if (i % 2 == 0) {
        assertThat(rest.post("/close-query", "{\"queryId\":\"" + ids.get(i) + "\"}", "application/json").status())
            .isEqualTo(200);
      } else {
        queries.get(i).disconnect();
      }
    }
    await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> assertThat(resources.leftBy(null)).isEmpty());
  }

  @Test
  void errorsCarryKsqlDbCodes() throws Exception {
    KsqlRestClient.Answer unknownId = rest.post("/close-query", "{\"queryId\":\"transient_X_1\"}", "application/json");
    assertThat(unknownId.status()).isEqualTo(400);
    assertThat(unknownId.body().get("@type").asText()).isEqualTo("generic_error");
    assertThat(unknownId.body().get("error_code").asInt()).isEqualTo(40000);
    assertThat(unknownId.body().get("message").asText()).isEqualTo("No query with id transient_X_1");

    KsqlRestClient.Answer badJson = rest.post("/query", "{\"ksql\": ", "application/json");
    assertThat(badJson.status()).isEqualTo(400);
    assertThat(badJson.body().get("error_code").asInt()).isEqualTo(40000);

    KsqlRestClient.Answer unknownSource = rest.post("/query-stream",
        "{\"sql\":\"SELECT * FROM NOPE EMIT CHANGES;\"}", "application/json");
    assertThat(unknownSource.status()).isEqualTo(400);
    assertThat(unknownSource.body().get("@type").asText()).isEqualTo("statement_error");
    assertThat(unknownSource.body().get("error_code").asInt()).isEqualTo(40001);
    assertThat(unknownSource.body().get("statementText").asText()).isEqualTo("SELECT * FROM NOPE EMIT CHANGES;");

    KsqlRestClient.Answer syntax = rest.post("/query", "{\"ksql\":\"SELEKT 1;\"}", "application/json");
    assertThat(syntax.status()).isEqualTo(400);
    assertThat(syntax.body().get("error_code").asInt()).isEqualTo(40001);
  }
}
