package io.rtdp.ksql.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The interactive CLI on a pseudo-terminal against a real KSQL server: typing, editing, history, Ctrl-C/Ctrl-D. */
@ExtendWith(SharedKsqlServer.class)
class InteractiveCliTest {
  @BeforeAll
  static void createSource() {
    CliRun created = CliRun.of("", "-e", "CREATE STREAM SENSORS (DEVICE VARCHAR KEY, CELSIUS DOUBLE)"
        + " WITH (KAFKA_TOPIC='sensors', VALUE_FORMAT='JSON', PARTITIONS=1);", SharedKsqlServer.url());
    assertThat(created.exitCode()).as(created.toString()).isZero();
  }

  @Test
  void showsTheBannerAndRunsAStatementTypedOverSeveralLines() throws Exception {
    try (PtyCli cli = PtyCli.start(SharedKsqlServer.url(), Files.createTempDirectory("home"))) {
      String banner = cli.expect(InteractiveShell.PROMPT);
      assertThat(banner).contains("located at " + SharedKsqlServer.url()).contains("Server Status: RUNNING")
          .contains("Having trouble? Type 'help'");

      cli.line("CREATE STREAM HOT_SENSORS AS SELECT DEVICE, CELSIUS");
      cli.line("  FROM SENSORS -- a comment; not the end");
      cli.line("  WHERE CELSIUS > 30 EMIT CHANGES;");
      String created = cli.expect(InteractiveShell.PROMPT);
      assertThat(created).containsPattern("Created query with ID CSAS_HOT_SENSORS_\\d+");

      cli.line("show streams;");
      String streams = cli.expect(InteractiveShell.PROMPT);
      assertThat(streams).containsPattern(" Stream Name +\\| Kafka Topic +\\| Key Format +\\| Value Format +\\| Windowed")
          .containsPattern(" SENSORS +\\| sensors +\\| KAFKA +\\| JSON +\\| false")
          .containsPattern(" HOT_SENSORS +\\| HOT_SENSORS +\\| KAFKA +\\| JSON +\\| false");
    }
  }

  @Test
  void completesKeywordsAndTheServersSourceNames() throws Exception {
    try (PtyCli cli = PtyCli.start(SharedKsqlServer.url(), Files.createTempDirectory("home"))) {
      cli.expect(InteractiveShell.PROMPT);
      cli.type("descr" + PtyCli.TAB + "sens" + PtyCli.TAB + ";" + PtyCli.ENTER);
      String described = cli.expect(InteractiveShell.PROMPT);
      // "descr" and "sens" alone are no statement: the description shows that both were completed.
      assertThat(described).contains("Name                 : SENSORS")
          .contains(" DEVICE  | VARCHAR(STRING)  (key) ");
    }
  }

  @Test
  void keepsTheHistoryAcrossSessions() throws Exception {
    Path home = Files.createTempDirectory("home");
    try (PtyCli cli = PtyCli.start(SharedKsqlServer.url(), home)) {
      cli.expect(InteractiveShell.PROMPT);
      cli.line("LIST TOPICS;");
      assertThat(cli.expect(InteractiveShell.PROMPT)).containsPattern(" sensors +\\| 1 +\\| 1 ");
      cli.line("exit");
      assertThat(cli.waitForExit(Duration.ofSeconds(20))).isZero();
    }
    assertThat(Files.readString(home.resolve(".ksql-history"))).contains("LIST TOPICS;");

    try (PtyCli cli = PtyCli.start(SharedKsqlServer.url(), home)) {
      cli.expect(InteractiveShell.PROMPT);
      // The last entry is "exit"; the one before it is the statement.
      cli.type(PtyCli.UP + PtyCli.UP + PtyCli.ENTER);
      assertThat(cli.expect(InteractiveShell.PROMPT)).contains("LIST TOPICS;").contains(" Kafka Topic ");
    }
  }

  @Test
  void ctrlCClearsTheLineWithoutEndingTheCliAndCtrlDEndsIt() throws Exception {
    try (PtyCli cli = PtyCli.start(SharedKsqlServer.url(), Files.createTempDirectory("home"))) {
      cli.expect(InteractiveShell.PROMPT);
      cli.type("SHOW TAB");
      cli.type(PtyCli.CTRL_C);
      cli.expect(InteractiveShell.PROMPT);
      cli.line("SHOW TABLES;");
      assertThat(cli.expect(InteractiveShell.PROMPT)).containsPattern(" Table Name +\\| Kafka Topic ")
          .doesNotContain("SHOW TABSHOW");
      assertThat(cli.alive()).isTrue();

      cli.type(PtyCli.CTRL_D);
      cli.expect("Exiting ksqlDB.");
      assertThat(cli.waitForExit(Duration.ofSeconds(20))).isZero();
    }
  }

  @Test
  void startsWithoutAServerSaysSoAndSwitchesToOneWithTheServerCommand() throws Exception {
    int unused;
    try (ServerSocket socket = new ServerSocket(0)) {
      unused = socket.getLocalPort();
    }
    String nowhere = "http://127.0.0.1:" + unused;
    try (PtyCli cli = PtyCli.start(nowhere, Files.createTempDirectory("home"))) {
      assertThat(cli.expect(InteractiveShell.PROMPT)).contains("Server Status: not reachable");
      cli.line("SHOW STREAMS;");
      assertThat(cli.expect(InteractiveShell.PROMPT)).contains("Could not reach the KSQL server at " + nowhere);

      cli.line("server " + SharedKsqlServer.url());
      assertThat(cli.expect(InteractiveShell.PROMPT)).contains("Server now: " + SharedKsqlServer.url());
      cli.line("SHOW STREAMS;");
      assertThat(cli.expect(InteractiveShell.PROMPT)).containsPattern(" SENSORS +\\| sensors ");
    }
  }
}
