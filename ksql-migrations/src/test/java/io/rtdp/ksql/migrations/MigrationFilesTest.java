package io.rtdp.ksql.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading a migrations directory (its files are split into statements by ksql-client's StatementSplitter, tested there). */
class MigrationFilesTest {
  @TempDir
  Path dir;

  @Test
  void filesAreReadInVersionOrderWithNameAndChecksum() throws IOException {
    Files.writeString(dir.resolve("V000002__add_alerts.ksql"), "CREATE STREAM B (X INT) WITH (KAFKA_TOPIC='b');");
    Files.writeString(dir.resolve("V000001__create_readings.sql"), "CREATE STREAM A (X INT) WITH (KAFKA_TOPIC='a');");
    Files.writeString(dir.resolve("README.md"), "not a migration");

    assertThat(MigrationsDirectory.read(dir)).extracting(Migration::version, Migration::name)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "create readings"),
            org.assertj.core.groups.Tuple.tuple(2, "add alerts"));
    assertThat(MigrationsDirectory.read(dir).get(0).checksum()).hasSize(32)
        .isNotEqualTo(MigrationsDirectory.read(dir).get(1).checksum());
  }

  @Test
  void twoFilesWithOneVersionAndAMissingDirectoryAreErrors() throws IOException {
    Files.writeString(dir.resolve("V000001__a.ksql"), "");
    Files.writeString(dir.resolve("V000001__b.ksql"), "");

    assertThatThrownBy(() -> MigrationsDirectory.read(dir)).hasMessage(
        "Two files have version 1: V000001__a.ksql and V000001__b.ksql. Give each migration its own version.");
    assertThatThrownBy(() -> MigrationsDirectory.read(dir.resolve("nope")))
        .hasMessageContaining("does not exist. Pass --dir");
  }
}
