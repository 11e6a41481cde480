package io.rtdp.ksql.server.rqtt;

import static org.assertj.core.api.Assertions.assertThat;

import io.rtdp.ksql.engine.qtt.ConformanceSummary;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The REST conformance ratchet: every RQTT case listed in {@code rqtt-passing.txt} must still
 * pass against a real server on a real broker. The list only grows; regenerate it with
 * {@code ./rtdp rqtt --write-passing FILE}.
 */
class RqttRatchetTest {
  @Test
  void everyListedCaseStillPasses() throws Exception {
    Path corpus = RqttMain.defaultCorpus();
    assertThat(corpus).as("the shared RQTT corpus").isDirectory();
    Set<String> listed = listedCases();
    assertThat(listed).isNotEmpty();
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    ConformanceSummary summary;
    try (RqttMain.Harness harness = RqttMain.Harness.start()) {
      summary = harness.run(corpus, c -> listed.contains(c.fullName()),
          new PrintStream(log, true, StandardCharsets.UTF_8));
    }
    Set<String> missing = new LinkedHashSet<>(listed);
    summary.passing().forEach(missing::remove);
    assertThat(summary.problems()).as("RQTT cases that stopped passing").isEmpty();
    assertThat(missing).as("listed RQTT cases that did not pass (or are no longer in the corpus)").isEmpty();
  }

  private static Set<String> listedCases() throws Exception {
    try (InputStream in = RqttRatchetTest.class.getResourceAsStream("/rqtt-passing.txt")) {
      assertThat(in).as("rqtt-passing.txt on the test classpath").isNotNull();
      Set<String> names = new LinkedHashSet<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank()) {
          names.add(line.trim());
        }
      }
      return names;
    }
  }
}
