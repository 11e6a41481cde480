package io.rtdp.ksql.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.rtdp.testkit.KafkaBrokerExtension;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two servers sharing a service id split the partitions of a materialized table; a pull query sent
 * to either returns the whole table (SPEC §3.2, issue #4 item 5). {@code reachable} answers the
 * other's internal requests; {@code unreachable} advertises an address nobody listens on, so the
 * server that asks it reads its partitions from the standby copies it keeps.
 */
class TwoServerPullQueryTest {
  @RegisterExtension
  static final KafkaBrokerExtension kafka = new KafkaBrokerExtension();
  private static final Duration WAIT = Duration.ofSeconds(90);
  private static final Map<String, Integer> CLICKS = Map.of("u0", 1, "u1", 2, "u2", 3, "u3", 1, "u4", 2, "u5", 3,
      "u6", 1, "u7", 2);

  private static KsqlServer reachable;
  private static KsqlServer unreachable;
  private static KsqlRestClient toReachable;
  private static KsqlRestClient toUnreachable;

  @BeforeAll
  static void startTwoServers() throws Exception {
    Map<String, String> standbys = Map.of("ksql.streams.num.standby.replicas", "1");
    reachable = TestServers.start(kafka.bootstrapServers(), "pair_", Files.createTempDirectory("ksql-pair-a"),
        standbys);
    int listensOn = freePort();
    int nobodyListens = freePort();
    unreachable = TestServers.start(kafka.bootstrapServers(), "pair_", Files.createTempDirectory("ksql-pair-b"),
        Map.of("ksql.streams.num.standby.replicas", "1", "listeners", "http://127.0.0.1:" + listensOn,
            "ksql.advertised.listener", "http://127.0.0.1:" + nobodyListens));
    toReachable = new KsqlRestClient(reachable.url());
    toUnreachable = new KsqlRestClient("http://127.0.0.1:" + listensOn);

    KsqlRestClient.Answer created = toReachable.ksql(
        "CREATE STREAM CLICKS (USERID STRING KEY, PAGE STRING) WITH (KAFKA_TOPIC='clicks', VALUE_FORMAT='JSON',"
            + " PARTITIONS=4);"
            + "CREATE TABLE CLICK_COUNTS AS SELECT USERID, COUNT(*) AS N FROM CLICKS GROUP BY USERID;");
    assertThat(created.status()).as(created.raw()).isEqualTo(200);
    String group = "_confluent-ksql-pair_query_" + created.body().get(1).get("commandStatus").get("queryId").asText();
    StringBuilder inserts = new StringBuilder();
    CLICKS.forEach((user, n) -> {
      for (int i = 0; i < n; i++) {
        inserts.append("INSERT INTO CLICKS (USERID, PAGE) VALUES ('").append(user).append("', 'p").append(i)
            .append("');");
      }
    });
    assertThat(toReachable.ksql(inserts.toString()).status()).isEqualTo(200);
    try (Admin admin = kafka.admin()) {
      // Both servers run the query and each is active for some of the partitions.
      await().atMost(WAIT).untilAsserted(() -> {
        ConsumerGroupDescription d = admin.describeConsumerGroups(List.of(group)).all().get().get(group);
        assertThat(d.members()).hasSize(2).allMatch(m -> !m.assignment().topicPartitions().isEmpty());
      });
    }
  }

  private static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  @AfterAll
  static void stopServers() {
    unreachable.close();
    reachable.close();
  }

  private static List<String> rows(KsqlRestClient client, String sql) throws Exception {
    KsqlRestClient.Answer a = client.post("/query", KsqlRestClient.JSON.writeValueAsString(Map.of("ksql", sql)),
        "application/json");
    assertThat(a.status()).as(a.raw()).isEqualTo(200);
    List<String> rows = new ArrayList<>();
    for (JsonNode e : KsqlRestClient.JSON.readTree(a.raw())) {
      if (e.has("row")) {
        rows.add(e.get("row").get("columns").toString());
      }
    }
    return rows;
  }

  private static String[] wholeTable() {
    return CLICKS.entrySet().stream().map(e -> "[\"" + e.getKey() + "\"," + e.getValue() + "]").toArray(String[]::new);
  }

  @Test
  void aServerGathersTheOtherServersPartitionsOverHttp() throws Exception {
    await().atMost(WAIT).untilAsserted(() -> assertThat(rows(toUnreachable, "SELECT * FROM CLICK_COUNTS;"))
        .containsExactlyInAnyOrder(wholeTable()));
    for (Map.Entry<String, Integer> e : CLICKS.entrySet()) {
      assertThat(rows(toUnreachable, "SELECT N FROM CLICK_COUNTS WHERE USERID='" + e.getKey() + "';"))
          .containsExactly("[" + e.getValue() + "]");
    }
    assertThat(rows(toUnreachable, "SELECT * FROM CLICK_COUNTS LIMIT 3;")).hasSize(3);
  }

  @Test
  void theOwnerNotAnsweringItsPartitionsAreReadFromStandbyCopies() throws Exception {
    await().atMost(WAIT).untilAsserted(() -> assertThat(rows(toReachable, "SELECT * FROM CLICK_COUNTS;"))
        .containsExactlyInAnyOrder(wholeTable()));
    for (Map.Entry<String, Integer> e : CLICKS.entrySet()) {
      assertThat(rows(toReachable, "SELECT USERID, N FROM CLICK_COUNTS WHERE USERID='" + e.getKey() + "';"))
          .containsExactly("[\"" + e.getKey() + "\"," + e.getValue() + "]");
    }
  }
}
