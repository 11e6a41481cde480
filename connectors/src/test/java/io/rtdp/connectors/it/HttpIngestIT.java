package io.rtdp.connectors.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;

import io.rtdp.embedded.net.Ports;
import io.rtdp.testkit.ConnectRestClient;
import io.rtdp.testkit.ConnectWorkerExtension;
import io.rtdp.testkit.KafkaBrokerExtension;

/**
 * HTTP ingest on a real Connect worker, loaded from the plugin directory: what clients get back,
 * and what lands in Kafka (nothing lost, nothing twice, nothing of a refused request).
 */
class HttpIngestIT {
    private static final String CONNECTOR_CLASS = "io.rtdp.connectors.ingest.HttpIngestSourceConnector";
    private static final Map<String, String> NO_HEADERS = Map.of();

    @RegisterExtension
    static final KafkaBrokerExtension kafka = new KafkaBrokerExtension();
    @RegisterExtension
    static final ConnectWorkerExtension connect = new ConnectWorkerExtension(kafka);

    @Test
    void acceptedEventsAreInKafkaWithTheirKeysAndValuesOnlyAfterTheAnswer() {
        int port = Ports.free();
        create("ingest-basic", port, 1, Map.of("http.routes", "/readings=ingest-readings,/orders=ingest-orders"));
        String url = "http://127.0.0.1:" + port;

        Http.Reply one = Http.post(url + "/readings", "{\"device\":\"d1\",\"celsius\":21.5,\"tags\":[\"lab\"],\"meta\":{\"fw\":3}}", NO_HEADERS);
        assertThat(one.status()).as(one.body().toString()).isEqualTo(202);
        assertThat(one.body().path("accepted").asInt()).isEqualTo(1);
        assertThat(one.body().path("written").asInt()).isEqualTo(1);
        // 202 means Kafka has it: readable now, without waiting for more.
        assertThat(TopicReader.readAll(kafka.bootstrapServers(), "ingest-readings", 1, Duration.ZERO, Duration.ofSeconds(10))).hasSize(1);

        Http.Reply array = Http.post(url + "/readings", "[{\"device\":\"d2\",\"celsius\":4},{\"device\":\"d3\",\"celsius\":-1.25}]", NO_HEADERS);
        assertThat(array.status()).isEqualTo(202);
        assertThat(array.body().path("accepted").asInt()).isEqualTo(2);
        Http.Reply ndjson = Http.post(url + "/readings", "{\"device\":\"d4\",\"ok\":true}\n{\"device\":\"d5\",\"ok\":null}\n\n{\"device\":42}\n", NO_HEADERS);
        assertThat(ndjson.status()).isEqualTo(202);
        assertThat(ndjson.body().path("accepted").asInt()).isEqualTo(3);
        Http.Reply order = Http.post(url + "/orders", "{\"device\":\"shop-1\",\"amount\":10.5}", NO_HEADERS);
        assertThat(order.body().path("topic").asText()).isEqualTo("ingest-orders");

        List<TopicReader.Message> readings = TopicReader.readAll(kafka.bootstrapServers(), "ingest-readings", 6,
                Duration.ofMillis(500), Duration.ofSeconds(30));
        Map<String, String> valueByKey = new HashMap<>();
        readings.forEach(m -> valueByKey.put(m.key(), m.value()));
        assertThat(readings).hasSize(6);
        assertThat(valueByKey.keySet()).containsExactlyInAnyOrder("d1", "d2", "d3", "d4", "d5", "42");
        assertThat(Http.readTree(valueByKey.get("d1"))).isEqualTo(Http.readTree("{\"device\":\"d1\",\"celsius\":21.5,\"tags\":[\"lab\"],\"meta\":{\"fw\":3}}"));
        assertThat(Http.readTree(valueByKey.get("d3"))).isEqualTo(Http.readTree("{\"device\":\"d3\",\"celsius\":-1.25}"));
        assertThat(Http.readTree(valueByKey.get("d5"))).isEqualTo(Http.readTree("{\"device\":\"d5\",\"ok\":null}"));
        assertThat(TopicReader.readAll(kafka.bootstrapServers(), "ingest-orders", 1, Duration.ofMillis(300), Duration.ofSeconds(10)))
                .extracting(TopicReader.Message::key).containsExactly("shop-1");
    }

    @Test
    void malformedOversizedUnroutedAndUnauthenticatedRequestsAreRefusedAndWriteNothing() {
        int port = Ports.free();
        create("ingest-refusals", port, 1, Map.of("http.routes", "/events=ingest-refusals", "max.request.bytes", "2048",
                "api.keys", "k-one, k-two"));
        String url = "http://127.0.0.1:" + port + "/events";
        Map<String, String> auth = Map.of("X-API-Key", "k-two");

        Http.Reply malformed = Http.post(url, "{\"device\":\"a\"}\n{\"device\": \"b\",,}\n", auth);
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.body().path("error").asText()).isEqualTo("malformed_request");
        assertThat(malformed.body().path("line").asInt()).isEqualTo(2);
        assertThat(malformed.body().path("event").asInt()).isEqualTo(2);

        Http.Reply noKey = Http.post(url, "[{\"device\":\"a\"},{\"sensor\":\"b\"}]", auth);
        assertThat(noKey.status()).isEqualTo(400);
        assertThat(noKey.body().path("message").asText()).contains("event 2").contains("'device'");

        Http.Reply notAnObject = Http.post(url, "[{\"device\":\"a\"}, 17]", auth);
        assertThat(notAnObject.status()).isEqualTo(400);
        assertThat(notAnObject.body().path("message").asText()).contains("not a JSON object");

        Http.Reply oversized = Http.post(url, "{\"device\":\"a\",\"pad\":\"" + "x".repeat(4096) + "\"}", auth);
        assertThat(oversized.status()).isEqualTo(413);
        assertThat(oversized.body().path("message").asText()).contains("max.request.bytes=2048");

        assertThat(Http.post(url, "{\"device\":\"a\"}", NO_HEADERS).status()).isEqualTo(401);
        assertThat(Http.post(url, "{\"device\":\"a\"}", Map.of("X-API-Key", "k-three")).status()).isEqualTo(401);
        Http.Reply unrouted = Http.post("http://127.0.0.1:" + port + "/elsewhere", "{\"device\":\"a\"}", auth);
        assertThat(unrouted.status()).isEqualTo(404);
        assertThat(unrouted.body().path("message").asText()).contains("/events");
        assertThat(Http.get(url).status()).isEqualTo(405);

        Http.Reply good = Http.post(url, "{\"device\":\"only-this\"}", Map.of("Authorization", "Bearer k-one"));
        assertThat(good.status()).isEqualTo(202);
        assertThat(TopicReader.readAll(kafka.bootstrapServers(), "ingest-refusals", 1, Duration.ofSeconds(1), Duration.ofSeconds(30)))
                .extracting(TopicReader.Message::key).containsExactly("only-this");
    }

    @Test
    void aFullBufferAnswers503WithRetryAfterAndTheHeldEventsAreWrittenOnResume() throws Exception {
        int port = Ports.free();
        String name = "ingest-backpressure";
        create(name, port, 1, Map.of("http.routes", "/events=ingest-backpressure", "buffer.max.records", "10",
                "retry.after.seconds", "2"));
        String url = "http://127.0.0.1:" + port + "/events";

        assertThat(Http.put(connect.restUrl() + "/connectors/" + name + "/pause", "").status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                "PAUSED".equals(connect.rest().get("/connectors/" + name + "/status").body().path("tasks").path(0).path("state").asText()));

        CompletableFuture<Http.Reply> held = CompletableFuture.supplyAsync(() -> Http.post(url, events("held", 8), NO_HEADERS));
        await().atMost(Duration.ofSeconds(10)).until(() ->
                Http.get("http://127.0.0.1:" + port + "/health").body().path("unacknowledged").asInt() == 8);
        Http.Reply refused = Http.post(url, events("refused", 5), NO_HEADERS);
        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.header("Retry-After")).isEqualTo("2");
        assertThat(refused.body().path("error").asText()).isEqualTo("buffer_full");
        assertThat(Http.post(url, events("too-many", 11), NO_HEADERS).status()).as("never fits").isEqualTo(413);
        assertThat(held).isNotDone();

        assertThat(Http.put(connect.restUrl() + "/connectors/" + name + "/resume", "").status()).isEqualTo(202);
        assertThat(held.get().status()).isEqualTo(202);
        assertThat(Http.post(url, events("retried", 5), NO_HEADERS).status()).isEqualTo(202);

        List<TopicReader.Message> written = TopicReader.readAll(kafka.bootstrapServers(), "ingest-backpressure", 13,
                Duration.ofSeconds(1), Duration.ofSeconds(30));
        assertThat(written).extracting(TopicReader.Message::key).allMatch(k -> k.startsWith("held-") || k.startsWith("retried-"));
        assertThat(written).hasSize(13);
    }

    @Test
    void aBurstOfConcurrentClientsOnTwoTasksLosesNothingAndWritesNothingTwice() throws Exception {
        int port = twoFreePorts();
        String name = "ingest-burst";
        kafka.createTopic("ingest-burst", 3);
        create(name, port, 2, Map.of("http.routes", "/events=ingest-burst", "buffer.max.records", "2000"));
        int clients = 16;
        int requestsPerClient = 25;
        int eventsPerRequest = 20;

        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<Integer>> retries = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            retries.add(pool.submit(() -> {
                int retried = 0;
                for (int r = 0; r < requestsPerClient; r++) {
                    String url = "http://127.0.0.1:" + (port + (client + r) % 2) + "/events";
                    String body = events("c" + client + "-r" + r, eventsPerRequest);
                    Http.Reply reply;
                    while ((reply = Http.post(url, body, NO_HEADERS)).status() == 503) {
                        retried++;
                        Thread.sleep(100);
                    }
                    assertThat(reply.status()).as(reply.body().toString()).isEqualTo(202);
                }
                return retried;
            }));
        }
        for (Future<Integer> f : retries) {
            f.get();
        }
        pool.shutdown();

        int total = clients * requestsPerClient * eventsPerRequest;
        List<TopicReader.Message> written = TopicReader.readAll(kafka.bootstrapServers(), "ingest-burst", total,
                Duration.ofSeconds(2), Duration.ofSeconds(60));
        Set<String> ids = new HashSet<>();
        written.forEach(m -> ids.add(m.key()));
        assertThat(ids).hasSize(total);
        assertThat(written).hasSize(total);

        assertThat(connect.rest().delete("/connectors/" + name).status()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(30)).until(() -> Ports.isFree("127.0.0.1", port) && Ports.isFree("127.0.0.1", port + 1));
    }

    @Test
    void reconfiguringMovesTheServerAndDeletingLeavesNoPortNorThreadBehind() {
        int first = Ports.free();
        int second = Ports.free();
        String name = "ingest-moves";
        create(name, first, 1, Map.of("http.routes", "/events=ingest-moves"));
        assertThat(Http.get("http://127.0.0.1:" + first + "/health").status()).isEqualTo(200);

        create(name, second, 1, Map.of("http.routes", "/events=ingest-moves"));
        await().atMost(Duration.ofSeconds(30)).until(() -> Ports.isFree("127.0.0.1", first) && !Ports.isFree("127.0.0.1", second));
        assertThat(Http.get("http://127.0.0.1:" + second + "/health").body().path("port").asInt()).isEqualTo(second);

        assertThat(connect.rest().delete("/connectors/" + name).status()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(30)).until(() -> Ports.isFree("127.0.0.1", second)
                && Thread.getAllStackTraces().keySet().stream().noneMatch(t -> t.getName().startsWith("rtdp-http-ingest-" + second)
                        || t.getName().startsWith("rtdp-http-ingest-" + first)));
    }

    @Test
    void theExampleConfigForOperatorsServesOnTheWorker() throws Exception {
        Map<String, String> config = Http.JSON.readValue(Path.of("config", "http-ingest.json").toFile(),
                new TypeReference<HashMap<String, String>>() { });
        int port = twoFreePorts();
        config.put("http.port", Integer.toString(port));
        config.put("http.bind.address", "127.0.0.1");
        ConnectRestClient.Response created = connect.rest().putConnectorConfig("example-http-ingest", config);
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        connect.rest().awaitRunning("example-http-ingest", Duration.ofSeconds(60));
        int tasks = Integer.parseInt(config.get("tasks.max"));
        for (int i = 0; i < 2; i++) {
            Http.Reply reply = Http.post("http://127.0.0.1:" + (port + i % tasks) + "/readings", "{\"device_id\":\"d" + i + "\"}", NO_HEADERS);
            assertThat(reply.status()).as(reply.body().toString()).isEqualTo(202);
        }
        // The example routes /readings to the IoT pipeline's input topic.
        assertThat(TopicReader.readAll(kafka.bootstrapServers(), "iot.readings", 2, Duration.ZERO, Duration.ofSeconds(30)))
                .extracting(TopicReader.Message::key).containsExactlyInAnyOrder("d0", "d1");
    }

    @Test
    void validationShowsAMessagePerBadField() {
        Map<String, String> bad = Map.of("connector.class", CONNECTOR_CLASS, "name", "never-created", "tasks.max", "4", "http.port", "65534",
                "http.routes", "/readings=iot readings,nopath=x", "buffer.max.records", "0");
        Http.Reply validation = Http.put(connect.restUrl() + "/connector-plugins/HttpIngestSourceConnector/config/validate", Http.json(bad));
        assertThat(validation.status()).isEqualTo(200);
        JsonNode body = validation.body();
        assertThat(errorsOf(body, "http.port")).contains("over 65535");
        assertThat(errorsOf(body, "http.routes")).contains("not a legal Kafka topic name");
        assertThat(errorsOf(body, "buffer.max.records")).contains("at least 1");
        assertThat(body.path("error_count").asInt()).as(body.toString()).isEqualTo(3);
    }

    private static String errorsOf(JsonNode validation, String key) {
        for (JsonNode config : validation.path("configs")) {
            if (key.equals(config.path("value").path("name").asText())) {
                return config.path("value").path("errors").toString();
            }
        }
        throw new AssertionError("no key " + key + " in " + validation);
    }

    private static String events(String prefix, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append("{\"device\":\"").append(prefix).append('-').append(i).append("\",\"n\":").append(i).append("}\n");
        }
        return sb.toString();
    }

    private static void create(String name, int port, int tasks, Map<String, String> extra) {
        Map<String, String> config = new HashMap<>(Map.of(
                "connector.class", CONNECTOR_CLASS,
                "tasks.max", Integer.toString(tasks),
                "http.port", Integer.toString(port),
                "http.bind.address", "127.0.0.1",
                "key.field", "device",
                "key.converter", "org.apache.kafka.connect.storage.StringConverter",
                "value.converter", "org.apache.kafka.connect.json.JsonConverter",
                "value.converter.schemas.enable", "false"));
        config.putAll(extra);
        ConnectRestClient.Response created = connect.rest().putConnectorConfig(name, config);
        assertThat(created.status()).as("create or update %s: %s", name, created.body()).isIn(200, 201);
        connect.rest().awaitRunning(name, Duration.ofSeconds(60));
    }

    /** A port whose next one is free too: task N of the connector listens on http.port + N. */
    private static int twoFreePorts() {
        for (int attempt = 0; attempt < 50; attempt++) {
            int port = Ports.free();
            if (port < 65535 && Ports.isFree("127.0.0.1", port + 1)) {
                return port;
            }
        }
        throw new IllegalStateException("no two consecutive free ports");
    }
}
