package io.rtdp.ksql.engine.qtt;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads QTT files (JSON with comments, exact decimals) and expands format/config variants. */
final class QttLoader {
  static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      // Expected decimals keep their scale (qtt/README.md §1.1: 1.10 is not 1.1).
      .configure(com.fasterxml.jackson.databind.cfg.JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false)
      .enable(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
      .build();

  private QttLoader() {}

  static List<QttCase> load(Path file) throws IOException {
    JsonNode root = MAPPER.readTree(Files.readString(file));
    String fileName = file.getFileName().toString().replaceFirst("\\.json$", "");
    List<QttCase> cases = new ArrayList<>();
    for (JsonNode test : root.path("tests")) {
      if (test.has("enabled") && !test.get("enabled").asBoolean()) {
        continue;
      }
      List<String> statements = new ArrayList<>();
      test.path("statements").forEach(s -> statements.add(s.asText()));
      Map<String, String> properties = new LinkedHashMap<>();
      test.path("properties").fields().forEachRemaining(e -> properties.put(e.getKey(), e.getValue().asText()));
      String name = test.path("name").asText();
      if (test.has("format")) {
        for (JsonNode f : test.get("format")) {
          String format = f.asText();
          List<String> substituted = statements.stream().map(s -> s.replace("{FORMAT}", format)).toList();
          cases.add(build(fileName, name + " - " + format, substituted, test, properties));
        }
      } else if (test.has("config")) {
        String property = properties.entrySet().stream().filter(e -> e.getValue().equals("{CONFIG}"))
            .map(Map.Entry::getKey).findFirst().orElse(null);
        for (JsonNode c : test.get("config")) {
          Map<String, String> props = new LinkedHashMap<>(properties);
          if (property != null) {
            props.put(property, c.asText());
          }
          cases.add(build(fileName, name + " - " + property + "=" + c.asText(), statements, test, props));
        }
      } else {
        cases.add(build(fileName, name, statements, test, properties));
      }
    }
    return cases;
  }

  private static QttCase build(String file, String name, List<String> statements, JsonNode test,
      Map<String, String> properties) {
    List<JsonNode> inputs = new ArrayList<>();
    test.path("inputs").forEach(inputs::add);
    List<JsonNode> outputs = new ArrayList<>();
    test.path("outputs").forEach(outputs::add);
    return new QttCase(file, name, statements, inputs, outputs, test.path("topics"), properties,
        test.get("expectedException"), test.get("post"));
  }
}
