package io.rtdp.platform.pipelines;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.rtdp.platform.config.Settings;

/** The shipped connector files, as up applies them to a platform on other ports than the defaults. */
class ConnectorConfigsTest {
    private static final Path HOME = Path.of(System.getProperty("user.dir")).getParent();

    private final Settings settings = Settings.load(null, Map.of(), List.of("postgres.port=25432",
            "postgres.user=alice", "postgres.password=secret", "pipelines.ingest-port=18090"));

    @Test
    void sourcesComeFirstAndEachFileIsOneConnector() throws Exception {
        List<ConnectorConfigs.Connector> connectors = ConnectorConfigs.read(HOME, settings);

        assertThat(connectors).extracting(ConnectorConfigs.Connector::name).contains("generator-iot-readings",
                "generator-commerce-orders", "generator-commerce-payments", "http-ingest", "sink-iot-alerts",
                "sink-commerce-suspicious-orders");
        int lastSource = 0;
        int firstSink = Integer.MAX_VALUE;
        for (int i = 0; i < connectors.size(); i++) {
            boolean sink = connectors.get(i).config().get("connector.class").equals(ConnectorConfigs.JDBC_SINK);
            lastSource = sink ? lastSource : i;
            firstSink = sink ? Math.min(firstSink, i) : firstSink;
        }
        assertThat(lastSource).isLessThan(firstSink);
    }

    @Test
    void withoutGeneratorsOnlyTheIngestSourceRemains() throws Exception {
        Settings clientsOnly = settings.with("pipelines.generators", "false");

        assertThat(ConnectorConfigs.read(HOME, clientsOnly)).extracting(c -> c.config().get("connector.class"))
                .doesNotContain(ConnectorConfigs.GENERATOR).contains(ConnectorConfigs.HTTP_INGEST, ConnectorConfigs.JDBC_SINK);
    }

    @Test
    void sinksWriteToThisPlatformsPostgresAndIngestListensOnItsPort() throws Exception {
        for (ConnectorConfigs.Connector c : ConnectorConfigs.read(HOME, settings)) {
            Map<String, String> config = c.config();
            if (config.get("connector.class").equals(ConnectorConfigs.JDBC_SINK)) {
                assertThat(config).as(c.name()).containsEntry("connection.url", "jdbc:postgresql://localhost:25432/rtdp")
                        .containsEntry("connection.username", "alice").containsEntry("connection.password", "secret");
            } else if (config.get("connector.class").equals(ConnectorConfigs.HTTP_INGEST)) {
                assertThat(config).as(c.name()).containsEntry("http.port", "18090");
            }
        }
    }

    /**
     * Every sink upserts on key fields its value schema declares (required), sends what it cannot
     * convert to a dead-letter topic, and deletes on tombstones where the record key is the row key.
     */
    @Test
    void everySinkUpsertsOnDeclaredKeysWithADeadLetterTopic() throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<ConnectorConfigs.Connector> sinks = ConnectorConfigs.read(HOME, settings).stream()
                .filter(c -> c.config().get("connector.class").equals(ConnectorConfigs.JDBC_SINK)).toList();
        assertThat(sinks).hasSizeGreaterThanOrEqualTo(7);
        for (ConnectorConfigs.Connector sink : sinks) {
            Map<String, String> config = sink.config();
            assertThat(config).as(sink.name()).containsEntry("insert.mode", "upsert")
                    .containsEntry("errors.tolerance", "all")
                    .containsEntry("errors.deadletterqueue.topic.name", config.get("topics") + ".dlq")
                    .containsEntry("collection.name.format", "rtdp." + config.get("topics").replace('.', '_'));
            JsonNode schema = json.readTree(config.get("value.converter.schema.content"));
            List<String> keys = List.of(config.get("primary.key.fields").split(","));
            if (config.get("primary.key.mode").equals("record_key")) {
                assertThat(config).as(sink.name()).containsEntry("delete.enabled", "true");
                assertThat(keys).as(sink.name()).hasSize(1);
            } else {
                assertThat(config.get("primary.key.mode")).as(sink.name()).isEqualTo("record_value");
                for (String key : keys) {
                    JsonNode field = fieldOf(schema, key);
                    assertThat(field).as(sink.name() + " declares " + key).isNotNull();
                    assertThat(field.path("optional").asBoolean(true)).as(sink.name() + " " + key + " is required").isFalse();
                }
            }
        }
    }

    private static JsonNode fieldOf(JsonNode structSchema, String name) {
        for (JsonNode field : structSchema.path("fields")) {
            if (field.path("field").asText().equals(name)) {
                return field;
            }
        }
        return null;
    }
}
