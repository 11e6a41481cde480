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
import java.util.TreeMap;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TransactionListing;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The whole life a user goes through over the REST API on a real broker (issue #4 item 10): a
 * stream, rows, a filtering CSAS, a windowed CTAS on it, a push query, pull queries; then the
 * server process is restarted (same service id, same state directory) and everything carries on
 * from where it was, exactly once.
 *
 * <p>The source has one partition, so the queries see the rows in the order they were inserted:
 * once the last row shows up in the table, every row before it has been processed, and the answers
 * can be asserted exactly instead of waited for.
 */
class FullLifeTest {
  @RegisterExtension
  static final KafkaBrokerExtension kafka = new KafkaBrokerExtension();
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final String SERVICE_ID = "life_";
  private static final Map<String, String> EXACTLY_ONCE = Map.of(
      "ksql.streams.processing.guarantee", "exactly_once_v2",
      "ksql.streams.statestore.cache.max.bytes", "0");

  private static final String BY_KEY = "SELECT * FROM SLOW_PER_MINUTE WHERE USERID='alice';";
  private static final String WINDOW_RANGE =
      "SELECT USERID, VIEWS, TOTAL_MS FROM SLOW_PER_MINUTE WHERE USERID='alice' AND WINDOWSTART >= 120000;";
  private static final String SCAN = "SELECT * FROM SLOW_PER_MINUTE;";
  private static final String SCAN_FILTERED = "SELECT USERID, WINDOWSTART FROM SLOW_PER_MINUTE WHERE VIEWS > 1;";

  @Test
  void streamCsasWindowedCtasPushAndPullThenARestartCarriesOnExactlyOnce() throws Exception {
    Path stateDir = Files.createTempDirectory("ksql-life");
    List<String> queryIds;
    Map<String, List<String>> answersBeforeRestart;
    try (KsqlServer server = TestServers.start(kafka.bootstrapServers(), SERVICE_ID, stateDir, EXACTLY_ONCE);
        StreamingClient streaming = new StreamingClient(server.url())) {
      KsqlRestClient rest = new KsqlRestClient(server.url());
      ok(rest.ksql("CREATE STREAM PAGEVIEWS (USERID STRING KEY, PAGE STRING, MS INT)"
          + " WITH (KAFKA_TOPIC='pageviews', VALUE_FORMAT='JSON', PARTITIONS=1);"));
      ok(rest.ksql(insert(60_000, "alice", "home", 120) + insert(61_000, "alice", "cart", 80)
          + insert(62_000, "bob", "home", 300) + insert(70_000, "alice", "pay", 200)
          + insert(125_000, "alice", "home", 150)));

      // The queries read the rows already there (earliest), as a user's first pipeline does.
      KsqlRestClient.Answer created = ok(rest.ksql(
          "CREATE STREAM SLOW_VIEWS AS SELECT USERID, UCASE(PAGE) AS PAGE, MS FROM PAGEVIEWS WHERE MS > 100;"
              + "CREATE TABLE SLOW_PER_MINUTE AS SELECT USERID, COUNT(*) AS VIEWS, SUM(MS) AS TOTAL_MS"
              + " FROM SLOW_VIEWS WINDOW TUMBLING (SIZE 1 MINUTE) GROUP BY USERID;"));
      queryIds = List.of(created.body().get(0).get("commandStatus").get("queryId").asText(),
          created.body().get(1).get("commandStatus").get("queryId").asText());

      // The CSAS has committed its output of the rows so far, so a push query from the end sees only new ones.
      await().atMost(WAIT).untilAsserted(() -> assertThat(sinkRecords("SLOW_VIEWS")).hasSize(4));

      // A push query sees the rows that arrive while it runs (not those before), and ends at its LIMIT.
      StreamingClient.Exchange push = streaming.post(HttpVersion.HTTP_2, "/query-stream", null,
          "{\"sql\":\"SELECT * FROM SLOW_VIEWS EMIT CHANGES LIMIT 2;\",\"properties\":{}}");
      push.await(t -> t.contains("\n"), WAIT);
      ok(rest.ksql(insert(130_000, "carol", "home", 500) + insert(131_000, "carol", "faq", 50)
          + insert(140_000, "carol", "pay", 110)));
      push.awaitEnd(WAIT);
      assertThat(push.lines()).hasSize(3);
      assertThat(KsqlRestClient.JSON.readTree(push.lines().get(0)).get("columnNames").toString())
          .isEqualTo("[\"USERID\",\"PAGE\",\"MS\"]");
      assertThat(push.lines().subList(1, 3)).containsExactly("[\"carol\",\"HOME\",500]", "[\"carol\",\"PAY\",110]");

      await().atMost(WAIT).untilAsserted(() -> assertThat(rest.pullRows("SELECT * FROM SLOW_PER_MINUTE"
          + " WHERE USERID='carol';")).containsExactly("[\"carol\",120000,180000,2,610]"));
      answersBeforeRestart = pullAnswers(rest);
      assertThat(answersBeforeRestart.get(BY_KEY)).containsExactlyInAnyOrder(
          "[\"alice\",60000,120000,2,320]", "[\"alice\",120000,180000,1,150]");
      assertThat(answersBeforeRestart.get(WINDOW_RANGE)).containsExactly("[\"alice\",1,150]");
      assertThat(answersBeforeRestart.get(SCAN)).containsExactlyInAnyOrder("[\"alice\",60000,120000,2,320]",
          "[\"alice\",120000,180000,1,150]", "[\"bob\",60000,120000,1,300]", "[\"carol\",120000,180000,2,610]");
      assertThat(answersBeforeRestart.get(SCAN_FILTERED)).containsExactlyInAnyOrder("[\"alice\",60000]",
          "[\"carol\",120000]");
      // Pull queries read the stores, which are ahead of the last commit: the sinks are awaited.
      await().atMost(WAIT).untilAsserted(() -> assertThat(sinkRecords("SLOW_VIEWS")).hasSize(6));
      await().atMost(WAIT).untilAsserted(() -> assertThat(sinkRecords("SLOW_PER_MINUTE")).hasSize(6));
      try (Admin admin = kafka.admin()) {
        // The setting reached the queries: their producers are transactional.
        assertThat(admin.listTransactions().all().get()).extracting(TransactionListing::transactionalId)
            .anyMatch(id -> id.startsWith("_confluent-ksql-" + SERVICE_ID + "query_" + queryIds.get(1)));
      }
    }

    try (KsqlServer server = TestServers.start(kafka.bootstrapServers(), SERVICE_ID, stateDir, EXACTLY_ONCE)) {
      KsqlRestClient rest = new KsqlRestClient(server.url());
      JsonNode queries = rest.ksql("SHOW QUERIES;").body().get(0).get("queries");
      List<String> idsAfterRestart = new ArrayList<>();
      queries.forEach(q -> idsAfterRestart.add(q.get("id").asText()));
      assertThat(idsAfterRestart).containsExactlyInAnyOrderElementsOf(queryIds);
      await().atMost(WAIT).untilAsserted(() -> assertThat(pullAnswers(rest)).isEqualTo(answersBeforeRestart));

      ok(rest.ksql(insert(75_000, "alice", "cart", 400) + insert(150_000, "bob", "home", 90)
          + insert(240_000, "dave", "home", 101)));
      await().atMost(WAIT).untilAsserted(() -> assertThat(rest.pullRows("SELECT * FROM SLOW_PER_MINUTE"
          + " WHERE USERID='dave';")).containsExactly("[\"dave\",240000,300000,1,101]"));
      // Alice's first minute counts on from 2 to 3: the rows before the restart were not counted again.
      assertThat(rest.pullRows(BY_KEY)).containsExactlyInAnyOrder(
          "[\"alice\",60000,120000,3,720]", "[\"alice\",120000,180000,1,150]");
      assertThat(rest.pullRows(SCAN)).containsExactlyInAnyOrder("[\"alice\",60000,120000,3,720]",
          "[\"alice\",120000,180000,1,150]", "[\"bob\",60000,120000,1,300]", "[\"carol\",120000,180000,2,610]",
          "[\"dave\",240000,300000,1,101]");
      // Each sink got one record per new input and no replayed ones.
      await().atMost(WAIT).untilAsserted(() -> assertThat(sinkRecords("SLOW_VIEWS"))
          .extracting(r -> r.key() + " " + r.value()).containsExactly(
              view("alice", "HOME", 120), view("bob", "HOME", 300), view("alice", "PAY", 200),
              view("alice", "HOME", 150), view("carol", "HOME", 500), view("carol", "PAY", 110),
              view("alice", "CART", 400), view("dave", "HOME", 101)));
      await().atMost(WAIT).untilAsserted(() -> assertThat(sinkRecords("SLOW_PER_MINUTE")).hasSize(8));
    }
  }

  private static KsqlRestClient.Answer ok(KsqlRestClient.Answer answer) {
    assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
    return answer;
  }

  private static String insert(long rowtime, String user, String page, int ms) {
    return "INSERT INTO PAGEVIEWS (ROWTIME, USERID, PAGE, MS) VALUES (" + rowtime + ", '" + user + "', '" + page
        + "', " + ms + ");";
  }

  private static String view(String user, String page, int ms) {
    return user + " {\"PAGE\":\"" + page + "\",\"MS\":" + ms + "}";
  }

  /** The answers to the user's pull queries, each in a fixed order so that two runs compare equal. */
  private static Map<String, List<String>> pullAnswers(KsqlRestClient rest) throws Exception {
    Map<String, List<String>> answers = new TreeMap<>();
    for (String sql : List.of(BY_KEY, WINDOW_RANGE, SCAN, SCAN_FILTERED)) {
      answers.put(sql, rest.pullRows(sql).stream().sorted().toList());
    }
    return answers;
  }

  private static List<ConsumerRecord<String, String>> sinkRecords(String topic) {
    return Topics.readCommitted(kafka.bootstrapServers(), topic);
  }
}
