package io.rtdp.ksql.engine.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * A ratchet over ksqlDB's REST query vectors: every case listed in rest-vectors-passing.txt must
 * still pass through the engine ({@link RestVectors}). Add cases as they start to pass.
 */
class RestVectorsTest {
  @Test
  void everyListedCaseStillPasses() throws IOException {
    Path dir = RestVectors.defaultDir();
    Assumptions.assumeTrue(Files.isDirectory(dir), "shared REST vectors not found at " + dir);
    List<String> listed = listed();
    Map<String, Map<String, JsonNode>> byFile = new HashMap<>();
    List<String> failures = new ArrayList<>();
    for (String name : listed) {
      String file = name.substring(0, name.indexOf(" :: "));
      Map<String, JsonNode> cases = byFile.computeIfAbsent(file, f -> {
        try {
          return RestVectors.cases(dir.resolve(f));
        } catch (IOException e) {
          throw new IllegalStateException(e);
        }
      });
      JsonNode test = cases.get(name);
      String failure = test == null ? "no such case" : RestVectors.run(test);
      if (failure != null) {
        failures.add(name + ": " + failure);
      }
    }
    assertThat(listed).hasSizeGreaterThan(200);
    assertThat(failures).as("REST vector cases that stopped passing").isEmpty();
  }

  private static List<String> listed() throws IOException {
    try (InputStream in = RestVectorsTest.class.getResourceAsStream("/rest-vectors-passing.txt")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
    }
  }
}
