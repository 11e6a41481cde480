package io.rtdp.ksql.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The CLI in scripts: -e, -f, piped input, JSON output, exit codes, error reports, a server that goes away. */
@ExtendWith(SharedKsqlServer.class)
class ScriptModeCliTest {
  @Test
  void executeRunsStatementsAndPrintsTablesAsKsqlDbsCliDoes() {
    CliRun run = CliRun.of("", "-e", """
        CREATE STREAM PAGEVIEWS (USERID STRING KEY, PAGE STRING, DURATION INT)
          WITH (KAFKA_TOPIC='pageviews', VALUE_FORMAT='JSON', PARTITIONS=1);
        CREATE TABLE LONG_VIEWS AS SELECT USERID, COUNT(*) AS N FROM PAGEVIEWS WHERE DURATION > 10 GROUP BY USERID;
        SHOW STREAMS;
        DESCRIBE PAGEVIEWS;
        SHOW QUERIES;
        """, SharedKsqlServer.url());

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.err()).isEmpty();
    // Compared without the blanks that pad each table line's last cell.
    String out = run.out().lines().map(String::stripTrailing).collect(Collectors.joining("\n", "", "\n"));
    assertThat(out).contains("""
         Message
        ----------------
         Stream created
        ----------------
        """)
        .containsPattern("Created query with ID CTAS_LONG_VIEWS_\\d+")
        .containsPattern(" Stream Name +\\| Kafka Topic +\\| Key Format +\\| Value Format +\\| Windowed\n-+\n")
        .containsPattern("\n PAGEVIEWS +\\| pageviews +\\| KAFKA +\\| JSON +\\| false\n")
        .contains("""
        Name                 : PAGEVIEWS
         Field    | Type
        -----------------------------------
         USERID   | VARCHAR(STRING)  (key)
         PAGE     | VARCHAR(STRING)
         DURATION | INTEGER
        -----------------------------------
        For runtime statistics and query details run: DESCRIBE <Stream,Table> EXTENDED;
        """)
        .containsPattern(" Query ID +\\| Query Type +\\| Status +\\| Sink Name +\\| Sink Kafka Topic +\\| Query String")
        .containsPattern(" CTAS_LONG_VIEWS_\\d+ +\\| PERSISTENT +\\| RUNNING:1 +\\| LONG_VIEWS +\\| LONG_VIEWS +\\| CREATE TABLE")
        .contains("For detailed information on a Query run: EXPLAIN <Query ID>;")
        .doesNotContain("ksql>");
  }

  @Test
  void describeExtendedAndExplainShowTheDetails() {
    CliRun setup = CliRun.of("", "-e", """
        CREATE STREAM ORDERS (ID BIGINT KEY, AMOUNT DOUBLE) WITH (KAFKA_TOPIC='orders', VALUE_FORMAT='JSON', PARTITIONS=1);
        CREATE STREAM BIG_ORDERS AS SELECT * FROM ORDERS WHERE AMOUNT > 100;
        """, SharedKsqlServer.url());
    assertThat(setup.exitCode()).as(setup.toString()).isZero();
    String queryId = setup.out().replaceAll("(?s).*Created query with ID (CSAS_BIG_ORDERS_\\d+).*", "$1");

    CliRun run = CliRun.of("", "-e", "DESCRIBE ORDERS EXTENDED; EXPLAIN " + queryId + ";", SharedKsqlServer.url());

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out())
        .contains("Type                 : STREAM")
        .contains("Kafka topic          : orders (partitions: 1, replication: 1)")
        .contains("Queries that read from this STREAM\n----------------------------------\n" + queryId + " (RUNNING)")
        .contains("ID                   : " + queryId)
        .contains("Query type           : PERSISTENT")
        .contains("Sources that this query reads from:\n-----------------------------------\nORDERS")
        .contains("Sinks that this query writes to:\n--------------------------------\nBIG_ORDERS")
        .contains("Processing topology");
  }

  @Test
  void aFileStopsAtItsFirstFailureWithExitCode1UnlessToldToContinue() throws Exception {
    Path script = Files.writeString(Files.createTempFile("script", ".ksql"), """
        CREATE STREAM FIRST_S (ID INT KEY, V STRING) WITH (KAFKA_TOPIC='first_s', VALUE_FORMAT='JSON', PARTITIONS=1);
        CREATE STREAM BROKEN AS SELECT * FROM NO_SUCH_SOURCE;
        CREATE STREAM THIRD_S (ID INT KEY, V STRING) WITH (KAFKA_TOPIC='third_s', VALUE_FORMAT='JSON', PARTITIONS=1);
        """);

    CliRun stopped = CliRun.of("", "-f", script.toString(), SharedKsqlServer.url());

    assertThat(stopped.exitCode()).as(stopped.toString()).isEqualTo(1);
    assertThat(stopped.out()).contains("Stream created");
    assertThat(stopped.err()).contains("NO_SUCH_SOURCE")
        .contains("Statement: CREATE STREAM BROKEN AS SELECT * FROM NO_SUCH_SOURCE;");
    assertThat(CliRun.of("", "-e", "SHOW STREAMS;", SharedKsqlServer.url()).out()).contains("FIRST_S").doesNotContain("THIRD_S");

    CliRun continued = CliRun.of("", "--continue-on-error", "-f", script.toString(), SharedKsqlServer.url());

    assertThat(continued.exitCode()).as(continued.toString()).isEqualTo(1);
    assertThat(CliRun.of("", "-e", "SHOW STREAMS;", SharedKsqlServer.url()).out()).contains("THIRD_S");
  }

  @Test
  void pipedInputRunsEachStatementWithoutPromptOrBanner() {
    CliRun run = CliRun.of("SHOW TOPICS;\n\nshow\n  tables;\nSHOW STREAMS", SharedKsqlServer.url());

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out()).contains(" Kafka Topic ").contains(" Table Name ").contains(" Stream Name ")
        .doesNotContain("ksql>").doesNotContain("Server Status").doesNotContain("Having trouble");
  }

  @Test
  void jsonOutputPrintsTheServersEntitiesAsReceived() throws Exception {
    ObjectMapper json = new ObjectMapper();
    CliRun flag = CliRun.of("", "--output", "JSON", "-e", "SHOW TOPICS;", SharedKsqlServer.url());
    assertThat(flag.exitCode()).as(flag.toString()).isZero();
    JsonNode entities = json.readTree(flag.out());
    assertThat(entities.get(0).get("@type").asText()).isEqualTo("kafka_topics");
    assertThat(entities.get(0).get("statementText").asText()).isEqualTo("SHOW TOPICS;");

    CliRun switched = CliRun.of("SET CLI OUTPUT JSON\nSHOW TABLES;\n", SharedKsqlServer.url());
    assertThat(switched.exitCode()).as(switched.toString()).isZero();
    assertThat(json.readTree(switched.out()).get(0).get("@type").asText()).isEqualTo("tables");
    assertThat(switched.err()).isEqualTo("Output format set to JSON\n");
  }

  @Test
  void setUnsetAndShowPropertiesSendThePropertiesWithEachRequest() {
    CliRun run = CliRun.of("""
        SET 'auto.offset.reset'='earliest';
        SET 'auto.offset.reset' = 'latest';
        SET 'auto.offset.reset'='earliest';
        SHOW PROPERTIES;
        UNSET 'auto.offset.reset';
        SHOW PROPERTIES;
        """, SharedKsqlServer.url());

    assertThat(run.exitCode()).as(run.toString()).isZero();
    String out = run.out();
    assertThat(out).contains("Successfully changed local property 'auto.offset.reset' to 'earliest'."
        + " Use the UNSET command to revert your change.")
        .contains("Successfully changed local property 'auto.offset.reset' from 'earliest' to 'latest'.")
        .contains("Successfully unset local property 'auto.offset.reset' (value was 'earliest').");
    String whileSet = out.substring(out.indexOf(" Property "), out.indexOf("Successfully unset"));
    String afterUnset = out.substring(out.indexOf("Successfully unset"));
    assertThat(whileSet).containsPattern("ksql.streams.auto.offset.reset +\\| KSQL +\\| QUERY +\\| SESSION +\\| earliest");
    assertThat(afterUnset).containsPattern("ksql.streams.auto.offset.reset +\\| KSQL +\\| QUERY +\\| +\\| latest");
  }

  @Test
  void localCommandsNeedNoSemicolonAndBadOnesSayWhatIsValid() {
    CliRun run = CliRun.of("help\nVERSION;\nset cli wrap sideways\n", SharedKsqlServer.url());

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
    assertThat(run.out()).contains("run script '<file>'").contains("Version: " + KsqlCliVersion.get());
    assertThat(run.err()).isEqualTo("SET CLI WRAP takes ON or OFF, not 'sideways'\n");
  }

  @Test
  void variablesAreKeptByTheCli() {
    CliRun run = CliRun.of("""
        DEFINE topic = 'clicks';
        DEFINE quoted = '''it''s''';
        SHOW VARIABLES;
        UNDEFINE topic;
        UNDEFINE never;
        LIST VARIABLES;
        """, "-d", "from_flag=yes", SharedKsqlServer.url());

    assertThat(run.exitCode()).as(run.toString()).isZero();
    String first = run.out().substring(0, run.out().indexOf("Cannot undefine"));
    assertThat(first).containsPattern(" from_flag +\\| yes ").containsPattern(" topic +\\| clicks ")
        .containsPattern(" quoted +\\| 'it's' ");
    assertThat(run.out()).contains("Cannot undefine variable 'never' which was never defined");
    assertThat(run.out().substring(run.out().indexOf("Cannot undefine"))).doesNotContain("clicks").contains("quoted");
  }

  @Test
  void runScriptSendsTheFileToTheServer() throws Exception {
    Path script = Files.writeString(Files.createTempFile("run", ".ksql"), """
        -- two sources in one request
        CREATE STREAM SCRIPTED_A (ID INT KEY) WITH (KAFKA_TOPIC='scripted_a', VALUE_FORMAT='JSON', PARTITIONS=1);
        CREATE STREAM SCRIPTED_B (ID INT KEY) WITH (KAFKA_TOPIC='scripted_b', VALUE_FORMAT='JSON', PARTITIONS=1);
        """);

    CliRun run = CliRun.of("RUN SCRIPT '" + script + "';\nSHOW STREAMS;\n", SharedKsqlServer.url());

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out()).contains("SCRIPTED_A ").contains("SCRIPTED_B ");

    CliRun missing = CliRun.of("run script '/no/such/file.ksql'\n", SharedKsqlServer.url());
    assertThat(missing.exitCode()).isEqualTo(1);
    assertThat(missing.err()).contains("Could not read the script /no/such/file.ksql");
  }

  @Test
  void aSyntaxErrorShowsTheMessageTheStatementAndWhere() {
    CliRun run = CliRun.of("", "-e", "SHOW STREAMS;\nSELEC * FROM PAGEVIEWS;", SharedKsqlServer.url());

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
    assertThat(run.err()).contains("line 1:1:").contains("Statement: SELEC * FROM PAGEVIEWS;\n           ^\n");
  }

  @Test
  void aLostConnectionIsReportedAndTheNextStatementReachesTheServerAgain() throws Exception {
    try (TcpForwarder port = new TcpForwarder(URI.create(SharedKsqlServer.url()))) {
      port.up();
      PipedOutputStream keyboard = new PipedOutputStream();
      PipedInputStream stdin = new PipedInputStream(keyboard);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> KsqlCli.run(
          new String[] {"--continue-on-error", port.url()}, stdin, new PrintStream(out, true, StandardCharsets.UTF_8),
          new PrintStream(err, true, StandardCharsets.UTF_8)));

      keyboard.write("SHOW TOPICS;\n".getBytes(StandardCharsets.UTF_8));
      keyboard.flush();
      await().atMost(Duration.ofSeconds(30)).until(() -> out.toString(StandardCharsets.UTF_8).contains("Kafka Topic"));

      port.down();
      keyboard.write("SHOW STREAMS;\n".getBytes(StandardCharsets.UTF_8));
      keyboard.flush();
      await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(err.toString(StandardCharsets.UTF_8))
          .as("standard output: %s", out.toString(StandardCharsets.UTF_8))
          .contains("Could not reach the KSQL server at " + port.url()));
      assertThat(err.toString(StandardCharsets.UTF_8)).contains("The next statement tries to reach the server again.");

      port.up();
      keyboard.write("SHOW TABLES;\n".getBytes(StandardCharsets.UTF_8));
      keyboard.close();
      assertThat(exit.get()).isEqualTo(1);
      assertThat(out.toString(StandardCharsets.UTF_8)).contains("The connection to " + port.url() + " is back.")
          .contains(" Table Name ");
    }
  }
}
