package io.rtdp.ksql.engine.qtt;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Where the shared QTT corpus is, and which files a path names. */
final class QttCorpus {
  private QttCorpus() {}

  /** {@code ../shared/ksql-compat/qtt} relative to the repository root (found from the working dir). */
  static Path defaultPath() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      if (Files.isDirectory(dir.resolve("ksql-engine")) && Files.exists(dir.resolve("pom.xml"))) {
        return dir.resolve("../shared/ksql-compat/qtt").normalize();
      }
      dir = dir.getParent();
    }
    return Path.of("../shared/ksql-compat/qtt").toAbsolutePath().normalize();
  }

  /** A single file, or the {@code *.json} files directly in a directory, sorted by name. */
  static List<Path> files(Path path) throws IOException {
    if (Files.isRegularFile(path)) {
      return List.of(path);
    }
    try (Stream<Path> s = Files.list(path)) {
      return s.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
    }
  }
}
