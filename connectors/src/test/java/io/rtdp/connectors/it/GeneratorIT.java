package io.rtdp.connectors.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;

import io.rtdp.embedded.connect.ConnectNode;
import io.rtdp.embedded.connect.ConnectPlugins;
import io.rtdp.embedded.net.Ports;
import io.rtdp.testkit.ConnectRestClient;
import io.rtdp.testkit.KafkaBrokerExtension;

/**
 * The generator on a real distributed worker with exactly-once source support on, loaded from the
 * plugin directory the build assembled: the same seed gives the same events, and a worker restart
 * in the middle of a run neither loses nor repeats one.
 */
class GeneratorIT {
    private static final String CONNECTOR_CLASS = "io.rtdp.connectors.generator.GeneratorSourceConnector";
    private static final int COUNT = 2_000;

    @RegisterExtension
    static final KafkaBrokerExtension kafka = new KafkaBrokerExtension();

    private static Map<String, String> workerProperties;
    private static ConnectNode worker;
    private static ConnectRestClient rest;

    @BeforeAll
    static void startWorker() {
        List<Path> pluginPath = ConnectPlugins.under(ConnectPlugins.projectRootAbove(Path.of(System.getProperty("user.dir"))));
        String group = "generator-it-" + Ports.free();
        workerProperties = new HashMap<>(ConnectNode.workerProperties(kafka.bootstrapServers(), "127.0.0.1", Ports.free(), group, pluginPath));
        workerProperties.put("exactly.once.source.support", "enabled");
        startWorkerNode();
    }

    @AfterAll
    static void stopWorker() {
        if (worker != null) {
            worker.close();
        }
    }

    @Test
    void theWorkerListsBothConnectorsOfThePlugin() {
        JsonNode plugins = rest.get("/connector-plugins").body();
        assertThat(plugins.findValuesAsText("class")).contains(CONNECTOR_CLASS, "io.rtdp.connectors.ingest.HttpIngestSourceConnector");
    }

    @Test
    void sameSeedSameEventsAndAWorkerRestartMidRunNeitherLosesNorRepeatsOne() {
        kafka.createTopic("gen-reference", 3);
        kafka.createTopic("gen-restarted", 3);

        create("gen-reference", generator("gen-reference", "0"));
        List<TopicReader.Message> reference = TopicReader.readAll(kafka.bootstrapServers(), "gen-reference", COUNT,
                Duration.ofSeconds(1), Duration.ofSeconds(60));
        assertThat(reference).hasSize(COUNT);

        Map<String, String> paced = generator("gen-restarted", "250");
        paced.put("exactly.once.support", "required");
        create("gen-restarted", paced);
        List<TopicReader.Message> beforeRestart = TopicReader.readAll(kafka.bootstrapServers(), "gen-restarted", COUNT / 4,
                Duration.ZERO, Duration.ofSeconds(60));
        assertThat(beforeRestart.size()).as("stopped mid-run").isBetween(COUNT / 4, COUNT - 1);

        worker.close();
        startWorkerNode();
        rest.awaitRunning("gen-restarted", Duration.ofSeconds(60));

        List<TopicReader.Message> restarted = TopicReader.readAll(kafka.bootstrapServers(), "gen-restarted", COUNT,
                Duration.ofSeconds(2), Duration.ofSeconds(60));
        assertThat(restarted).hasSize(COUNT);
        assertThat(restarted.stream().map(TopicReader.Message::value).sorted().toList())
                .isEqualTo(reference.stream().map(TopicReader.Message::value).sorted().toList());
        for (TopicReader.Message m : restarted) {
            assertThat(m.key()).isEqualTo('"' + Http.readTree(m.value()).path("device_id").asText() + '"');
        }
    }

    @Test
    void aConfigTheConnectorCannotRunIsRefusedWithAMessageOnTheKeyToFix() {
        Map<String, String> bad = new HashMap<>(Map.of(
                "connector.class", CONNECTOR_CLASS,
                "name", "never-created",
                "topic", "never",
                "domain", "avro",
                "avro.schema", "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"x\",\"type\":\"int\",\"gen\":{\"range\":{\"min\":5,\"max\":1}}}]}",
                "event.time.late.ratio", "0.7",
                "event.time.out.of.order.ratio", "0.6"));
        Http.Reply validation = Http.put(rest.baseUrl() + "/connector-plugins/GeneratorSourceConnector/config/validate", Http.json(bad));
        assertThat(validation.status()).isEqualTo(200);
        assertThat(validation.body().path("error_count").asInt()).as(validation.body().toString()).isEqualTo(2);
        assertThat(errorsOf(validation.body(), "avro.schema")).contains("field 'x': range needs min <= max");
        assertThat(errorsOf(validation.body(), "event.time.late.ratio")).contains("out.of.order.ratio is 1.3, more than all events");

        ConnectRestClient.Response created = rest.putConnectorConfig("never-created", bad);
        assertThat(created.status()).isEqualTo(400);
        assertThat(created.body().path("message").asText()).contains("range needs min <= max");
    }

    @Test
    void theExampleConfigsForOperatorsRunOnTheWorker() throws Exception {
        List<Path> examples;
        try (Stream<Path> files = Files.list(Path.of("config"))) {
            examples = files.filter(p -> p.getFileName().toString().startsWith("generator-")).sorted().toList();
        }
        assertThat(examples).hasSize(4);
        for (Path example : examples) {
            Map<String, String> config = Http.JSON.readValue(example.toFile(), new TypeReference<HashMap<String, String>>() { });
            String name = example.getFileName().toString().replace(".json", "");
            config.put("topic", "example-" + name);
            config.put("count", "20");
            create(name, config);
            List<TopicReader.Message> records = TopicReader.readAll(kafka.bootstrapServers(), "example-" + name, 20,
                    Duration.ZERO, Duration.ofSeconds(30));
            // The pipelines' generators write plain JSON for KSQL; the Avro example keeps JSON with its schema.
            boolean enveloped = Boolean.parseBoolean(config.get("value.converter.schemas.enable"));
            assertThat(records).as(name).hasSizeGreaterThanOrEqualTo(20).allSatisfy(m -> {
                assertThat(m.key()).isNotBlank();
                JsonNode value = Http.readTree(m.value());
                if (enveloped) {
                    assertThat(value.path("schema").path("type").asText()).isEqualTo("struct");
                    value = value.path("payload");
                }
                assertThat(value.isObject() && value.size() > 1).as(m.value()).isTrue();
            });
        }
    }

    private static String errorsOf(JsonNode validation, String key) {
        for (JsonNode config : validation.path("configs")) {
            if (key.equals(config.path("value").path("name").asText())) {
                return config.path("value").path("errors").toString();
            }
        }
        throw new AssertionError("no key " + key + " in " + validation);
    }

    private static Map<String, String> generator(String topic, String rate) {
        Map<String, String> config = new HashMap<>();
        config.put("connector.class", CONNECTOR_CLASS);
        config.put("tasks.max", "2");
        config.put("topic", topic);
        config.put("domain", "iot-readings");
        config.put("seed", "7");
        config.put("keys", "50");
        config.put("count", Integer.toString(COUNT));
        config.put("rate.per.second", rate);
        config.put("batch.size", "100");
        config.put("event.time.start", "2026-01-01T00:00:00Z");
        config.put("event.time.step.ms", "1000");
        config.put("event.time.out.of.order.ratio", "0.1");
        config.put("event.time.late.ratio", "0.02");
        config.put("key.converter", "org.apache.kafka.connect.json.JsonConverter");
        config.put("key.converter.schemas.enable", "false");
        config.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
        config.put("value.converter.schemas.enable", "false");
        return config;
    }

    private static void create(String name, Map<String, String> config) {
        ConnectRestClient.Response created = rest.putConnectorConfig(name, config);
        assertThat(created.status()).as("create %s: %s", name, created.body()).isEqualTo(201);
        rest.awaitRunning(name, Duration.ofSeconds(60));
    }

    private static void startWorkerNode() {
        worker = new ConnectNode(workerProperties).start();
        rest = new ConnectRestClient(worker.restUrl());
        rest.awaitReady(Duration.ofSeconds(60));
    }
}
