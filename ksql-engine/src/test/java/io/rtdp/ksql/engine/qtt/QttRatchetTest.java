package io.rtdp.ksql.engine.qtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The conformance ratchet: every QTT case listed in {@code qtt-passing.txt} must still pass.
 * The list only grows; regenerate it with {@code QttMain --write-passing FILE}.
 */
class QttRatchetTest {
  @Test
  void everyListedCaseStillPasses() throws IOException {
    Path corpus = QttCorpus.defaultPath();
    Assumptions.assumeTrue(Files.isDirectory(corpus), "shared QTT corpus not found at " + corpus);
    Set<String> listed = listedCases();
    assertThat(listed).isNotEmpty();

    // A few test names occur twice in a file; a listed name stands for all of its cases.
    Map<String, List<QttCase>> byName = new LinkedHashMap<>();
    for (Path file : QttCorpus.files(corpus)) {
      for (QttCase c : QttLoader.load(file)) {
        byName.computeIfAbsent(c.fullName(), n -> new ArrayList<>()).add(c);
      }
    }
    QttRunner runner = new QttRunner(TestFunctions.registry());
    List<String> problems = new ArrayList<>();
    for (String name : listed) {
      List<QttCase> cases = byName.get(name);
      if (cases == null) {
        problems.add(name + ": no such case in the corpus");
        continue;
      }
      for (QttCase c : cases) {
        Outcome o = QttMain.runSafely(runner, c);
        if (o.status() != Outcome.Status.PASSED) {
          problems.add(name + ": " + o.status() + " " + o.reason());
        }
      }
    }
    assertThat(problems).as("QTT cases that stopped passing").isEmpty();
  }

  private static Set<String> listedCases() throws IOException {
    try (InputStream in = QttRatchetTest.class.getResourceAsStream("/qtt-passing.txt")) {
      assertThat(in).as("qtt-passing.txt on the test classpath").isNotNull();
      Set<String> names = new LinkedHashSet<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.isEmpty()) {
          names.add(line);
        }
      }
      return names;
    }
  }
}
