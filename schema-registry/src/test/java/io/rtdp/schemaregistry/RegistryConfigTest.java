package io.rtdp.schemaregistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.rtdp.schemaregistry.config.RegistryConfig;
import io.rtdp.schemaregistry.schema.CompatibilityLevel;

class RegistryConfigTest {
    @TempDir
    Path dir;

    @Test
    void readsAPropertiesFileWithConfluentKeys() throws IOException {
        Path file = Files.writeString(dir.resolve("registry.properties"), """
                listeners=http://0.0.0.0:18081
                kafkastore.bootstrap.servers=PLAINTEXT://broker-1:9092,PLAINTEXT://broker-2:9092
                kafkastore.topic=_schemas_test
                host.name=registry-1.internal
                schema.compatibility.level=full_transitive
                """);
        RegistryConfig config = RegistryConfig.load(file);
        assertThat(config.port()).isEqualTo(18081);
        assertThat(config.host()).isEqualTo("0.0.0.0");
        assertThat(config.bootstrapServers()).isEqualTo("broker-1:9092,broker-2:9092");
        assertThat(config.topic()).isEqualTo("_schemas_test");
        assertThat(config.advertisedHost()).isEqualTo("registry-1.internal");
        assertThat(config.compatibilityLevel()).isEqualTo(CompatibilityLevel.FULL_TRANSITIVE);
    }

    @Test
    void readsNestedYamlAndDefaultsTheRest() throws IOException {
        Path file = Files.writeString(dir.resolve("registry.yaml"), """
                listeners: http://127.0.0.1:8081
                kafkastore:
                  bootstrap.servers: localhost:9092
                """);
        RegistryConfig config = RegistryConfig.load(file);
        assertThat(config.bootstrapServers()).isEqualTo("localhost:9092");
        assertThat(config.topic()).isEqualTo("_schemas");
        assertThat(config.compatibilityLevel()).isEqualTo(CompatibilityLevel.BACKWARD);
        assertThat(config.advertisedHost()).isEqualTo("127.0.0.1");
    }

    @Test
    void badSettingsFailAtStartNamingTheKeyAndTheFix() {
        assertThatThrownBy(() -> new RegistryConfig(Map.of()))
                .hasMessageContaining("kafkastore.bootstrap.servers").hasMessageContaining("localhost:9092");
        assertThatThrownBy(() -> new RegistryConfig(Map.of("kafkastore.bootstrap.servers", "k:9092",
                "schema.compatibility.level", "SIDEWAYS")))
                .hasMessageContaining("schema.compatibility.level=SIDEWAYS").hasMessageContaining("FULL_TRANSITIVE");
        assertThatThrownBy(() -> new RegistryConfig(Map.of("kafkastore.bootstrap.servers", "k:9092",
                "listeners", "https://0.0.0.0:8081")))
                .hasMessageContaining("listeners");
    }
}
