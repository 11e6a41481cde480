package io.rtdp.ksql.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rtdp.ksql.client.KsqlClient;
import io.rtdp.ksql.server.KsqlServerExtension;
import io.rtdp.testkit.KafkaBrokerExtension;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** apply, info and validate against a real KSQL server, as `./rtdp ksql migrate` runs them. */
class MigrationsTest {
  @RegisterExtension
  @Order(1)
  static final KafkaBrokerExtension kafka = new KafkaBrokerExtension();

  @RegisterExtension
  @Order(2)
  static final KsqlServerExtension ksql = new KsqlServerExtension(kafka, "migrations_test_");

  private static KsqlClient client;

  @TempDir
  Path dir;

  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

  @BeforeAll
  static void connect() {
    client = new KsqlClient(URI.create(ksql.url()), Duration.ofSeconds(30));
  }

  private Migrator migrator() {
    return new Migrator(client, MigrationsDirectory.read(dir), new PrintStream(printed, true, StandardCharsets.UTF_8),
        Duration.ofSeconds(30));
  }

  @Test
  void appliesInOrderOnceValidatesChecksumsAndStopsAtAFailure() throws IOException {
    Files.writeString(dir.resolve("V000001__readings.ksql"), """
        -- the source stream
        DEFINE topic = 'mig_readings';
        CREATE STREAM MIG_READINGS (ID STRING KEY, C DOUBLE) WITH (KAFKA_TOPIC='${topic}', VALUE_FORMAT='JSON', PARTITIONS=1);
        """);
    Files.writeString(dir.resolve("V000002__hot.ksql"), """
        SET 'auto.offset.reset' = 'earliest';
        CREATE STREAM MIG_HOT AS SELECT ID, C FROM MIG_READINGS WHERE C > 30;
        """);

    assertThat(migrator().apply(null)).isEqualTo(2);
    assertThat(client.execute("SHOW STREAMS;", Map.of()).get(0).toString()).contains("MIG_READINGS", "MIG_HOT");
    assertThat(migrator().apply(null)).as("a second run applies nothing").isZero();
    printed.reset();
    migrator().info();
    assertThat(printed.toString(StandardCharsets.UTF_8))
        .containsPattern("V000001 +readings +MIGRATED .* matches")
        .containsPattern("V000002 +hot +MIGRATED .* matches");

    Files.writeString(dir.resolve("V000003__broken.ksql"), """
        CREATE STREAM MIG_ALERTS AS SELECT ID, NO_SUCH_COLUMN FROM MIG_READINGS;
        """);
    Files.writeString(dir.resolve("V000004__never.ksql"), "CREATE STREAM MIG_NEVER (X INT) WITH (KAFKA_TOPIC='mig_never', VALUE_FORMAT='JSON', PARTITIONS=1);\n");
    assertThat(MigrationsMain.run("--server", ksql.url(), "--dir", dir.toString(), "apply")).isEqualTo(1);
    printed.reset();
    migrator().info();
    assertThat(printed.toString(StandardCharsets.UTF_8))
        .containsPattern("V000003 +broken +ERROR")
        .containsPattern("V000004 +never +PENDING");

    Files.writeString(dir.resolve("V000001__readings.ksql"), "-- edited after it was applied\n", 
        java.nio.file.StandardOpenOption.APPEND);
    assertThatThrownBy(() -> migrator().validate()).isInstanceOf(MigrationException.class)
        .hasMessageContaining("V000001 V000001__readings.ksql changed since it was applied");
    assertThatThrownBy(() -> migrator().apply(null)).hasMessageStartingWith("Nothing applied");
  }
}
