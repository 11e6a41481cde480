package io.rtdp.ksql.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.rtdp.embedded.net.Ports;
import io.rtdp.testkit.JvmProcess;
import io.rtdp.testkit.KafkaBrokerExtension;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two servers with one service id run the same persistent queries as one Kafka Streams application
 * each, splitting the partitions (issue #4 items 2, 5, 10). One of them, a process of its own, is
 * killed while payments keep coming; the other takes over all partitions, and with exactly_once_v2
 * nothing is lost and nothing counted twice: the filtered sink has every payment once, the totals
 * are exact, and the survivor's pull queries answer for every account.
 */
class PersistentQueryFailoverTest {
  @RegisterExtension
  static final KafkaBrokerExtension kafka = new KafkaBrokerExtension();
  private static final Duration WAIT = Duration.ofSeconds(90);
  private static final String SERVICE_ID = "failover_";
  private static final int PARTITIONS = 4;
  private static final int ACCOUNTS = 16;
  private static final int PAYMENTS = 4000;
  /** Payments sent before the second server dies; the rest arrive while and after the survivor takes over. */
  private static final int STOP_AFTER = PAYMENTS / 4;
  /**
   * Exactly once, with transactions of a second so that the dying server surely has processed
   * payments it has not committed yet; no cache (one sink record per input); a short session so
   * that the group notices the dead member within seconds (a killed process cannot leave it).
   */
  private static final Map<String, String> SETTINGS = Map.of(
      "ksql.streams.processing.guarantee", "exactly_once_v2",
      "ksql.streams.commit.interval.ms", "1000",
      "ksql.streams.statestore.cache.max.bytes", "0",
      "ksql.streams.consumer.session.timeout.ms", "6000",
      "ksql.streams.consumer.heartbeat.interval.ms", "1500");

  @Test
  void theSurvivorOfACrashTakesOverEveryPartitionWithoutLossOrDoubleCounting() throws Exception {
    String crashingUrl = "http://127.0.0.1:" + Ports.free();
    try (JvmProcess crashing = inOwnJvm(crashingUrl, TestServers.config(kafka.bootstrapServers(), SERVICE_ID,
            Files.createTempDirectory("ksql-failover-crashing"), SETTINGS));
        KsqlServer survivor = TestServers.start(kafka.bootstrapServers(), SERVICE_ID,
            Files.createTempDirectory("ksql-failover-survivor"), SETTINGS);
        Admin admin = kafka.admin()) {
      crashing.awaitReady(crashingUrl + "/info", WAIT);
      KsqlRestClient rest = new KsqlRestClient(survivor.url());
      KsqlRestClient.Answer created = rest.ksql(
          "CREATE STREAM PAYMENTS (ACCOUNT STRING KEY, SEQ INT, AMOUNT INT) WITH (KAFKA_TOPIC='payments',"
              + " VALUE_FORMAT='JSON', PARTITIONS=" + PARTITIONS + ");"
              + "CREATE STREAM LARGE_PAYMENTS AS SELECT ACCOUNT, SEQ FROM PAYMENTS WHERE AMOUNT > 5;"
              + "CREATE TABLE ACCOUNT_TOTALS AS SELECT ACCOUNT, COUNT(*) AS N, SUM(AMOUNT) AS TOTAL FROM PAYMENTS"
              + " GROUP BY ACCOUNT;");
      assertThat(created.status()).as(created.raw()).isEqualTo(200);
      List<String> groups = List.of(group(created, 1), group(created, 2));
      // Both servers run both queries, each active for some of the partitions.
      await().atMost(WAIT).untilAsserted(() -> assertThat(groups).allSatisfy(g -> assertThat(members(admin, g))
          .hasSize(2).allMatch(m -> !m.assignment().topicPartitions().isEmpty())));

      AtomicInteger sent = new AtomicInteger();
      CompletableFuture<Void> producing = CompletableFuture.runAsync(() -> produceSteadily(sent));
      // Both servers have made progress on their partitions (committed offsets on every partition).
      await().atMost(WAIT).untilAsserted(() -> assertThat(groups).allSatisfy(g -> assertThat(
          admin.listConsumerGroupOffsets(g).partitionsToOffsetAndMetadata().get()).hasSize(PARTITIONS)));
      await().atMost(WAIT).until(() -> sent.get() >= STOP_AFTER || producing.isDone());
      assertThat(producing).as("payments still coming when the server dies").isNotDone();
      crashing.kill();
      producing.get();

      await().atMost(WAIT).untilAsserted(() -> assertThat(groups).allSatisfy(g -> assertThat(members(admin, g))
          .singleElement().satisfies(m -> assertThat(m.assignment().topicPartitions()).hasSize(PARTITIONS))));
      await().atMost(WAIT).untilAsserted(() -> assertThat(rest.pullRows("SELECT * FROM ACCOUNT_TOTALS;"))
          .containsExactlyInAnyOrderElementsOf(expectedTotals()));
      for (int a = 0; a < ACCOUNTS; a++) {
        assertThat(rest.pullRows("SELECT N, TOTAL FROM ACCOUNT_TOTALS WHERE ACCOUNT='" + account(a) + "';"))
            .containsExactly("[" + PAYMENTS / ACCOUNTS + "," + expectedTotal(a) + "]");
      }

      List<String> expectedLarge = new ArrayList<>();
      for (int seq = 0; seq < PAYMENTS; seq++) {
        if (amount(seq) > 5) {
          expectedLarge.add("{\"SEQ\":" + seq + "}");
        }
      }
      // Waits for the transactions still open at the end to commit; a duplicate would never go away.
      await().atMost(WAIT).untilAsserted(() -> assertThat(Topics.readCommitted(kafka.bootstrapServers(),
          "LARGE_PAYMENTS")).extracting(ConsumerRecord::value).containsExactlyInAnyOrderElementsOf(expectedLarge));
      // The table's sink had one update per payment (no cache): a payment counted twice would add one.
      await().atMost(WAIT).untilAsserted(() -> assertThat(Topics.readCommitted(kafka.bootstrapServers(),
          "ACCOUNT_TOTALS")).hasSize(PAYMENTS));
    }
  }

  private static String group(KsqlRestClient.Answer created, int statement) {
    return "_confluent-ksql-" + SERVICE_ID + "query_"
        + created.body().get(statement).get("commandStatus").get("queryId").asText();
  }

  private static List<MemberDescription> members(Admin admin, String group) throws Exception {
    ConsumerGroupDescription d = admin.describeConsumerGroups(List.of(group)).all().get().get(group);
    return new ArrayList<>(d.members());
  }

  /** Payments in small bursts, so that some are in flight while the second server dies. */
  private static void produceSteadily(AtomicInteger sent) {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(),
        new StringSerializer())) {
      for (int seq = 0; seq < PAYMENTS; seq++) {
        producer.send(new ProducerRecord<>("payments", account(seq % ACCOUNTS),
            "{\"SEQ\":" + seq + ",\"AMOUNT\":" + amount(seq) + "}"));
        if (seq % 20 == 19) {
          producer.flush();
          sent.set(seq + 1);
          Thread.sleep(20);
        }
      }
      producer.flush();
      sent.set(PAYMENTS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String account(int a) {
    return "acct-" + a;
  }

  private static int amount(int seq) {
    return seq % 10 + 1;
  }

  /**
   * A server in a JVM of its own (KsqlServerMain with a properties file), so that the test can kill
   * it the way a machine or process dies: SIGKILL, no commit, no goodbye to the consumer groups, open
   * transactions left dangling. Its /info answers 200 once it is ready.
   */
  private static JvmProcess inOwnJvm(String url, Map<String, String> config) throws IOException {
    Path dir = Files.createTempDirectory("ksql-server-process");
    Properties properties = new Properties();
    properties.putAll(config);
    properties.put("listeners", url);
    Path file = dir.resolve("ksql-server.properties");
    try (OutputStream out = Files.newOutputStream(file)) {
      properties.store(out, null);
    }
    return JvmProcess.start("the KSQL server process", List.of("-Xmx384m"), System.getProperty("java.class.path"),
        KsqlServerMain.class.getName(), List.of(file.toString()), dir.resolve("server.log"));
  }

  private static long expectedTotal(int account) {
    long total = 0;
    for (int seq = account; seq < PAYMENTS; seq += ACCOUNTS) {
      total += amount(seq);
    }
    return total;
  }

  private static List<String> expectedTotals() {
    List<String> rows = new ArrayList<>();
    for (int a = 0; a < ACCOUNTS; a++) {
      rows.add("[\"" + account(a) + "\"," + PAYMENTS / ACCOUNTS + "," + expectedTotal(a) + "]");
    }
    return rows;
  }
}
