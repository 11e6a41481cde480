package io.rtdp.ksql.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rtdp.ksql.server.processinglog.ProcessingLogConfig;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Start-up checks of ksql-server.properties: each bad value is refused with its key and the fix named. */
class ServerConfigTest {
  private static ServerConfig config(String... keyValues) {
    Map<String, String> values = new HashMap<>();
    values.put("bootstrap.servers", "localhost:9092");
    for (int i = 0; i < keyValues.length; i += 2) {
      values.put(keyValues[i], keyValues[i + 1]);
    }
    return new ServerConfig(values);
  }

  @Test
  void aMissingBootstrapServersNamesTheKeyAndAnExample() {
    assertThatThrownBy(() -> new ServerConfig(Map.of("listeners", "http://0.0.0.0:8088")))
        .hasMessageContaining("bootstrap.servers is not set").hasMessageContaining("bootstrap.servers=localhost:9092");
  }

  @Test
  void aListenerWithANonNumericPortIsRefused() {
    assertThatThrownBy(() -> config("listeners", "http://0.0.0.0:80a8"))
        .hasMessage("listeners has the port '80a8' in 'http://0.0.0.0:80a8', which is not a number from 0 to 65535:"
            + " e.g. listeners=http://0.0.0.0:8088");
    assertThatThrownBy(() -> config("listeners", "http://0.0.0.0:70000")).hasMessageContaining("'70000'");
  }

  @Test
  void aMalformedListenerUrlIsRefused() {
    assertThatThrownBy(() -> config("listeners", "0.0.0.0:8088"))
        .hasMessageStartingWith("listeners has a malformed URL '0.0.0.0:8088'")
        .hasMessageContaining("listeners=http://0.0.0.0:8088");
    assertThatThrownBy(() -> config("listeners", "http://localhost"))
        .hasMessageStartingWith("listeners has no port in 'http://localhost'");
    assertThatThrownBy(() -> config("listeners", "https://localhost:8443"))
        .hasMessageContaining("scheme 'https'").hasMessageContaining("plain http only");
  }

  @Test
  void processingLogSettingsTakeOnlyTheirValues() {
    assertThatThrownBy(() -> config("ksql.logging.processing.topic.auto.create", "yes"))
        .hasMessage("ksql.logging.processing.topic.auto.create must be true or false, got 'yes'");
    assertThatThrownBy(() -> config("ksql.logging.processing.topic.partitions", "0"))
        .hasMessage("ksql.logging.processing.topic.partitions must be a whole number of at least 1, got '0'");
    assertThatThrownBy(() -> config("ksql.logging.processing.topic.replication.factor", "two"))
        .hasMessageStartingWith("ksql.logging.processing.topic.replication.factor must be a whole number");
    assertThatThrownBy(() -> config("ksql.logging.processing.stream.name", "my log"))
        .hasMessageStartingWith("ksql.logging.processing.stream.name must be a plain stream name");
  }

  @Test
  void processingLogDefaultsFollowTheServiceId() {
    ProcessingLogConfig log = config("ksql.service.id", "svc_").processingLog();
    assertThat(log).isEqualTo(new ProcessingLogConfig(false, "svc_ksql_processing_log", 1, (short) 1, false,
        "KSQL_PROCESSING_LOG", false));
    ProcessingLogConfig set = config("ksql.logging.processing.topic.name", "errors",
        "ksql.logging.processing.topic.partitions", "3", "ksql.logging.processing.stream.name", "errors_stream",
        "ksql.logging.processing.topic.auto.create", "TRUE", "ksql.logging.processing.rows.include", "true")
        .processingLog();
    assertThat(set).isEqualTo(new ProcessingLogConfig(true, "errors", 3, (short) 1, false, "ERRORS_STREAM", true));
  }

  @Test
  void aBadKafkaStreamsSettingIsReportedWithItsName() {
    assertThatThrownBy(() -> config("ksql.streams.num.stream.threads", "many"))
        .hasMessageContaining("num.stream.threads").hasMessageContaining("many")
        .hasMessageContaining("ksql.streams.<that name>");
  }

  @Test
  void booleanKsqlSettingsAndTheSchemaRegistryUrlAreChecked() {
    assertThatThrownBy(() -> config("ksql.fail.on.production.error", "sometimes"))
        .hasMessage("ksql.fail.on.production.error must be true or false, got 'sometimes'");
    assertThatThrownBy(() -> config("ksql.schema.registry.url", "localhost:8081"))
        .hasMessageStartingWith("ksql.schema.registry.url has a malformed URL 'localhost:8081'");
    assertThat(config("ksql.schema.registry.url", "http://localhost:8081,https://registry:443").values())
        .containsKey("ksql.schema.registry.url");
    assertThat(config().failOnProductionError()).isTrue();
    assertThat(config("ksql.fail.on.production.error", "false").failOnProductionError()).isFalse();
  }

  @Test
  void aConfiguredExtensionDirectoryMustExist() throws Exception {
    assertThatThrownBy(() -> config("ksql.extension.dir", "/no/such/dir"))
        .hasMessageStartingWith("ksql.extension.dir is '/no/such/dir', which is not a directory");
    assertThat(config("ksql.extension.dir", "/no/such/dir", "ksql.udfs.enabled", "false").values())
        .containsEntry("ksql.udfs.enabled", "false");
    String existing = Files.createTempDirectory("ext").toString();
    assertThat(config("ksql.extension.dir", existing).values()).containsEntry("ksql.extension.dir", existing);
  }

  @Test
  void unknownKsqlKeysAreAccepted() {
    ServerConfig c = config("ksql.some.future.setting", "1", "ksql.logging.processing.topic.autocreate", "true");
    assertThat(c.values()).containsKey("ksql.some.future.setting");
    assertThat(c.engineConfig().get("ksql.some.future.setting", null)).isEqualTo("1");
  }
}
