package io.rtdp.ksql.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.rtdp.testkit.KafkaBrokerExtension;
import io.vertx.core.http.HttpVersion;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Pull queries (SPEC §3.2, §4.4, §4.5) served from the state stores of the persistent queries that
 * materialize the tables: key lookups, scans, windowed ranges, stream scans, and their errors.
 */
class PullQueryTest {
  @RegisterExtension
  @Order(1)
  static final KafkaBrokerExtension kafka = new KafkaBrokerExtension();

  @RegisterExtension
  @Order(2)
  static final KsqlServerExtension ksql = new KsqlServerExtension(kafka, "pull_test_");

  private static final Duration WAIT = Duration.ofSeconds(60);

  private static KsqlRestClient rest;
  private static StreamingClient streaming;

  @BeforeAll
  static void setUp() throws Exception {
    rest = new KsqlRestClient(ksql.url());
    streaming = new StreamingClient(ksql.url());
    KsqlRestClient.Answer created = rest.ksql(
        "CREATE STREAM VISITS (USERID STRING KEY, PAGE STRING) WITH (KAFKA_TOPIC='visits', VALUE_FORMAT='JSON',"
            + " PARTITIONS=2);"
            + "CREATE TABLE VISIT_COUNTS AS SELECT USERID, COUNT(*) AS N FROM VISITS GROUP BY USERID;"
            + "CREATE TABLE VISITS_PER_MINUTE AS SELECT USERID, COUNT(*) AS N FROM VISITS"
            + " WINDOW TUMBLING (SIZE 1 MINUTE) GROUP BY USERID;"
            + "CREATE TABLE USERS (ID STRING PRIMARY KEY, NAME STRING) WITH (KAFKA_TOPIC='users',"
            + " VALUE_FORMAT='JSON', PARTITIONS=1);",
        Map.of("ksql.streams.auto.offset.reset", "earliest"));
    assertThat(created.status()).as(created.raw()).isEqualTo(200);
    // alice: two visits in minute 1 and one in minute 3; bob: one visit in minute 1.
    rest.ksql("INSERT INTO VISITS (ROWTIME, USERID, PAGE) VALUES (60000, 'alice', 'home');"
        + "INSERT INTO VISITS (ROWTIME, USERID, PAGE) VALUES (61000, 'alice', 'cart');"
        + "INSERT INTO VISITS (ROWTIME, USERID, PAGE) VALUES (180000, 'alice', 'pay');"
        + "INSERT INTO VISITS (ROWTIME, USERID, PAGE) VALUES (62000, 'bob', 'home');");
    // Both queries have processed every visit.
    await().atMost(WAIT).untilAsserted(() -> {
      assertThat(rest.pullRows("SELECT * FROM VISIT_COUNTS;")).containsExactlyInAnyOrder("[\"alice\",3]", "[\"bob\",1]");
      assertThat(rest.pullRows("SELECT N FROM VISITS_PER_MINUTE;")).containsExactlyInAnyOrder("[2]", "[1]", "[1]");
    });
  }

  @AfterAll
  static void closeClients() throws Exception {
    streaming.close();
  }

  @Test
  void keyLookupAnswersTheHeaderWithKeyColumnsMarkedAndTheRow() throws Exception {
    JsonNode response = rest.pull("SELECT * FROM VISIT_COUNTS WHERE USERID='bob';");
    assertThat(response).hasSize(2);
    assertThat(response.get(0).get("header").get("queryId").asText()).matches("query_\\d+");
    assertThat(response.get(0).get("header").get("schema").asText()).isEqualTo("`USERID` STRING KEY, `N` BIGINT");
    assertThat(KsqlRestClient.rows(response)).containsExactly("[\"bob\",1]");
    assertThat(rest.pullRows("SELECT * FROM VISIT_COUNTS WHERE USERID='nobody';")).isEmpty();
  }

  @Test
  void tableScanWithAFilterOnAValueColumn() throws Exception {
    assertThat(rest.pullRows("SELECT * FROM VISIT_COUNTS;")).containsExactlyInAnyOrder("[\"alice\",3]", "[\"bob\",1]");
    assertThat(rest.pullRows("SELECT USERID FROM VISIT_COUNTS WHERE N > 1;")).containsExactly("[\"alice\"]");
  }

  @Test
  void windowedLookupWithAWindowStartRange() throws Exception {
    JsonNode all = rest.pull("SELECT * FROM VISITS_PER_MINUTE WHERE USERID='alice';");
    assertThat(all.get(0).get("header").get("schema").asText())
        .isEqualTo("`USERID` STRING KEY, `WINDOWSTART` BIGINT KEY, `WINDOWEND` BIGINT KEY, `N` BIGINT");
    assertThat(KsqlRestClient.rows(all)).containsExactlyInAnyOrder("[\"alice\",60000,120000,2]", "[\"alice\",180000,240000,1]");
    assertThat(rest.pullRows("SELECT N FROM VISITS_PER_MINUTE WHERE USERID='alice' AND WINDOWSTART >= 120000;"))
        .containsExactly("[1]");
  }

  @Test
  void streamPullScansTheTopicToItsEndAndCompletes() throws Exception {
    JsonNode response = rest.pull("SELECT PAGE FROM VISITS WHERE USERID='alice';");
    assertThat(response.get(0).get("header").get("schema").asText()).isEqualTo("`PAGE` STRING");
    assertThat(KsqlRestClient.rows(response)).containsExactlyInAnyOrder("[\"home\"]", "[\"cart\"]", "[\"pay\"]");
    assertThat(response.get(response.size() - 1).toString()).isEqualTo("{\"finalMessage\":\"Query Completed\"}");
  }

  @Test
  void pullOnQueryStreamInTheDelimitedFormatOverHttp2() throws Exception {
    StreamingClient.Exchange q = streaming.post(HttpVersion.HTTP_2, "/query-stream", null,
        "{\"sql\":\"SELECT * FROM VISIT_COUNTS WHERE USERID='alice';\"}");
    String body = q.awaitEnd(WAIT);
    String[] lines = body.split("\n");
    assertThat(lines).hasSize(2);
    JsonNode meta = KsqlRestClient.JSON.readTree(lines[0]);
    assertThat(meta.get("queryId").asText()).matches("query_\\d+");
    assertThat(meta.get("columnNames").toString()).isEqualTo("[\"USERID\",\"N\"]");
    assertThat(meta.get("columnTypes").toString()).isEqualTo("[\"STRING\",\"BIGINT\"]");
    assertThat(lines[1]).isEqualTo("[\"alice\",3]");
  }

  @Test
  void unsupportedPullQueriesAreStatementErrorsWithKsqlDbsExplanation() throws Exception {
    KsqlRestClient.Answer notQueryable = rest.post("/query", "{\"ksql\":\"SELECT * FROM USERS;\"}", "application/json");
    assertThat(notQueryable.status()).isEqualTo(400);
    assertThat(notQueryable.body().get("@type").asText()).isEqualTo("statement_error");
    assertThat(notQueryable.body().get("error_code").asInt()).isEqualTo(40001);
    assertThat(notQueryable.body().get("message").asText()).startsWith("The `USERS` table isn't queryable.");

    KsqlRestClient.Answer groupBy = rest.post("/query",
        "{\"ksql\":\"SELECT USERID, COUNT(*) FROM VISIT_COUNTS GROUP BY USERID;\"}", "application/json");
    assertThat(groupBy.status()).isEqualTo(400);
    assertThat(groupBy.body().get("error_code").asInt()).isEqualTo(40001);
    assertThat(groupBy.body().get("message").asText()).contains("Pull queries don't support GROUP BY clauses.");
  }
}
