package io.rtdp.ksql.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Queries and PRINT through the CLI: push queries streaming until Ctrl-C or LIMIT, pull queries,
 * PRINT, variables. These need the server's /query-stream, /close-query, /query (PRINT), pull queries
 * and sessionVariables (SPEC §4.4, §4.5, §3.2, §1.12).
 */
@ExtendWith(SharedKsqlServer.class)
class QueryStreamingCliTest {

  @BeforeAll
  static void createSources() throws Exception {
    SharedKsqlServer.kafka().createTopic("readings", 1);
    produce("d1", "{\"CELSIUS\":21.5}");
    produce("d2", "{\"CELSIUS\":35.0}");
    produce("d1", "{\"CELSIUS\":22.5}");
    CliRun setup = CliRun.of("", "-e", """
        CREATE STREAM READINGS (DEVICE VARCHAR KEY, CELSIUS DOUBLE) WITH (KAFKA_TOPIC='readings', VALUE_FORMAT='JSON');
        SET 'auto.offset.reset'='earliest';
        CREATE TABLE PER_DEVICE AS SELECT DEVICE, COUNT(*) AS N, MAX(CELSIUS) AS TOP FROM READINGS GROUP BY DEVICE;
        """, SharedKsqlServer.url());
    assertThat(setup.exitCode()).as(setup.toString()).isZero();
  }

  private static void produce(String key, String value) throws Exception {
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKsqlServer.kafka().bootstrapServers()), new StringSerializer(), new StringSerializer())) {
      producer.send(new ProducerRecord<>("readings", key, value)).get();
    }
  }

  @Test
  void aPushQueryStreamsRowsAsTheyArriveUntilCtrlCClosesIt() throws Exception {
    try (PtyCli cli = PtyCli.start(SharedKsqlServer.url(), Files.createTempDirectory("home"))) {
      cli.expect(InteractiveShell.PROMPT);
      cli.line("SET 'auto.offset.reset'='earliest';");
      cli.expect(InteractiveShell.PROMPT);
      cli.line("SELECT DEVICE, CELSIUS FROM READINGS EMIT CHANGES;");
      cli.expect("Press CTRL-C to interrupt");
      String header = cli.expect("|d1");
      assertThat(header).containsPattern("\\|DEVICE +\\|CELSIUS +\\|");
      cli.expect("|d2");

      produce("live", "{\"CELSIUS\":40.25}");
      cli.expect("|live ");
      cli.expect("|40.25");

      cli.type(PtyCli.CTRL_C);
      cli.expect("Query terminated");
      cli.expect(InteractiveShell.PROMPT);
      assertThat(cli.alive()).isTrue();
      await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
          assertThat(CliRun.of("", "-e", "SHOW QUERIES;", SharedKsqlServer.url()).out()).doesNotContain("PUSH"));

      cli.line("SHOW STREAMS;");
      assertThat(cli.expect(InteractiveShell.PROMPT)).contains(" READINGS ");
    }
  }

  @Test
  void limitEndsAPushQueryByItself() {
    CliRun run = CliRun.of("""
        SET 'auto.offset.reset'='earliest';
        SELECT DEVICE, CELSIUS FROM READINGS EMIT CHANGES LIMIT 2;
        SHOW STREAMS;
        """, SharedKsqlServer.url());

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out()).containsPattern("\\|d1 +\\|21.5 +\\|").containsPattern("\\|d2 +\\|35.0 +\\|")
        .doesNotContain("22.5")
        .contains("Limit Reached\nQuery terminated")
        .contains(" Stream Name ");
  }

  @Test
  void queryRowLimitMakesTheCliCloseAPushQueryItself() {
    CliRun run = CliRun.of("", "--query-row-limit", "1", "-e",
        "SET 'auto.offset.reset'='earliest'; SELECT DEVICE, CELSIUS FROM READINGS EMIT CHANGES; SHOW TOPICS;",
        SharedKsqlServer.url());

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out()).containsPattern("\\|d1 +\\|21.5 +\\|\n\\+-+\\+-+\\+\nQuery terminated\n")
        .contains(" Kafka Topic ");
  }

  @Test
  void aPullQueryPrintsTheTablesCurrentState() {
    await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
      CliRun run = CliRun.of("", "-e", "SELECT * FROM PER_DEVICE WHERE DEVICE = 'd1';", SharedKsqlServer.url());
      assertThat(run.exitCode()).as(run.toString()).isZero();
      assertThat(run.out()).containsPattern("\\|DEVICE +\\|N +\\|TOP +\\|")
          .containsPattern("\\|d1 +\\|2 +\\|22.5 +\\|")
          .contains("Query terminated");
    });
  }

  @Test
  void jsonOutputStreamsEachRowAsAnObject() throws Exception {
    CliRun run = CliRun.of("", "--output", "JSON", "-e",
        "SET 'auto.offset.reset'='earliest'; SELECT DEVICE, CELSIUS FROM READINGS EMIT CHANGES LIMIT 1;", SharedKsqlServer.url());

    assertThat(run.exitCode()).as(run.toString()).isZero();
    String row = run.out().lines().filter(l -> l.startsWith("{")).findFirst().orElseThrow();
    assertThat(new ObjectMapper().readTree(row)).isEqualTo(new ObjectMapper().readTree("{\"DEVICE\":\"d1\",\"CELSIUS\":21.5}"));
  }

  @Test
  void printShowsTheTopicsRecordsUpToItsLimit() {
    CliRun run = CliRun.of("", "-e", "PRINT 'readings' FROM BEGINNING LIMIT 2;", SharedKsqlServer.url());

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out()).contains("Value format: ")
        .containsPattern("rowtime: .*, key: d1, value: \\{\"CELSIUS\":21.5\\}, partition: 0")
        .containsPattern("rowtime: .*, key: d2, value: \\{\"CELSIUS\":35.0\\}, partition: 0");
  }

  @Test
  void ctrlCStopsPrintAndTheCliStays() throws Exception {
    try (PtyCli cli = PtyCli.start(SharedKsqlServer.url(), Files.createTempDirectory("home"))) {
      cli.expect(InteractiveShell.PROMPT);
      cli.line("PRINT 'readings' FROM BEGINNING;");
      cli.expect("key: d2");
      cli.type(PtyCli.CTRL_C);
      cli.expect("Topic printing ceased");
      cli.expect(InteractiveShell.PROMPT);
      cli.line("SHOW TOPICS;");
      assertThat(cli.expect(InteractiveShell.PROMPT)).contains(" readings ");
    }
  }

  @Test
  void definedVariablesAreSubstitutedInStatementsAndQueries() {
    CliRun run = CliRun.of("""
        DEFINE source = 'READINGS';
        DESCRIBE ${source};
        SET 'auto.offset.reset'='earliest';
        SELECT DEVICE FROM ${source} EMIT CHANGES LIMIT 1;
        """, SharedKsqlServer.url());

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out()).contains("Name                 : READINGS").containsPattern("\\|d1 +\\|");
  }
}
