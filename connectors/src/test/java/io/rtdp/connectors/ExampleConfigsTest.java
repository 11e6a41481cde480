package io.rtdp.connectors;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.source.SourceConnector;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.rtdp.connectors.generator.GeneratorSourceConnector;
import io.rtdp.connectors.ingest.HttpIngestSourceConnector;

/** The example configurations operators copy from connectors/config pass the connectors' own validation. */
class ExampleConfigsTest {
    @Test
    void everyExampleConfigIsValid() throws IOException {
        List<Path> examples;
        try (Stream<Path> files = Files.list(Path.of("config"))) {
            examples = files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(examples).hasSizeGreaterThanOrEqualTo(5);
        for (Path example : examples) {
            Map<String, String> config = new ObjectMapper().readValue(example.toFile(), new TypeReference<HashMap<String, String>>() { });
            SourceConnector connector = config.get("connector.class").endsWith("GeneratorSourceConnector")
                    ? new GeneratorSourceConnector() : new HttpIngestSourceConnector();
            List<String> errors = connector.validate(config).configValues().stream()
                    .filter(v -> !v.errorMessages().isEmpty()).map(ConfigValue::toString).toList();
            assertThat(errors).as(example.toString()).isEmpty();
        }
    }
}
