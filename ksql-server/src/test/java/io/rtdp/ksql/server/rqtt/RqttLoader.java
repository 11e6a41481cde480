package io.rtdp.ksql.server.rqtt;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Reads RQTT files: JSON with comments, exact decimals, one case per entry of {@code format}. */
final class RqttLoader {
  static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.ALLOW_COMMENTS)
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  private RqttLoader() {
  }

  /** The RQTT files of a folder (sorted), or the file itself. */
  static List<Path> files(Path path) throws IOException {
    if (!Files.isDirectory(path)) {
      return List.of(path);
    }
    try (Stream<Path> s = Files.list(path)) {
      return s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
  }

  static List<RqttCase> load(Path file) throws IOException {
    JsonNode root = JSON.readTree(file.toFile());
    List<RqttCase> cases = new ArrayList<>();
    for (JsonNode test : root.path("tests")) {
      if (test.has("enabled") && !test.get("enabled").asBoolean()) {
        continue;
      }
      List<String> formats = new ArrayList<>();
      test.path("format").forEach(f -> formats.add(f.asText()));
      if (formats.isEmpty()) {
        cases.add(of(file, test, test.path("name").asText(), null));
      } else {
        for (String format : formats) {
          cases.add(of(file, test, test.path("name").asText() + " - " + format, format));
        }
      }
    }
    return cases;
  }

  private static RqttCase of(Path file, JsonNode test, String name, String format) {
    List<String> statements = new ArrayList<>();
    test.path("statements").forEach(s -> statements.add(format == null ? s.asText()
        : s.asText().replace("{FORMAT}", format)));
    Map<String, Object> properties = test.has("properties")
        ? JSON.convertValue(test.get("properties"), new TypeReference<Map<String, Object>>() { }) : Map.of();
    return new RqttCase(file.getFileName().toString(), name, statements, list(test.path("inputs")),
        list(test.path("outputs")), list(test.path("topics")), properties, list(test.path("responses")),
        test.get("expectedError"), test.path("inputConditions").path("waitForActivePushQuery").asBoolean(false),
        test.path("outputConditions").path("verifyOrder").asBoolean(false));
  }

  private static List<JsonNode> list(JsonNode array) {
    List<JsonNode> out = new ArrayList<>();
    array.forEach(out::add);
    return out;
  }
}
