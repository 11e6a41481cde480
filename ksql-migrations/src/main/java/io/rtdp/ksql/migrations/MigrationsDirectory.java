package io.rtdp.ksql.migrations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The migrations of a directory, by version; files that are not named as migrations are ignored. */
final class MigrationsDirectory {
  private MigrationsDirectory() {}

  static List<Migration> read(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new MigrationException("Migrations directory " + dir + " does not exist. Pass --dir with the"
          + " folder that holds the V000001__name.ksql files.");
    }
    List<Migration> migrations = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      files.filter(Files::isRegularFile).map(Migration::read).flatMap(Optional::stream).forEach(migrations::add);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + dir + ": " + e.getMessage(), e);
    }
    migrations.sort(Comparator.comparingInt(Migration::version));
    for (int i = 1; i < migrations.size(); i++) {
      if (migrations.get(i).version() == migrations.get(i - 1).version()) {
        throw new MigrationException("Two files have version " + migrations.get(i).version() + ": "
            + migrations.get(i - 1).file().getFileName() + " and " + migrations.get(i).file().getFileName()
            + ". Give each migration its own version.");
      }
    }
    return migrations;
  }
}
