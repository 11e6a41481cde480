package io.rtdp.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rtdp.ksql.server.KsqlServer;
import io.rtdp.ksql.server.config.ServerConfig;
import io.rtdp.testkit.KafkaBrokerExtension;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real KSQL server in the test JVM, on a free port, against the test class's broker; register it
 * after the broker. Its Vert.x/Netty stack is nothing Dropwizard uses, so the two live side by side.
 */
final class KsqlServerExtension implements BeforeAllCallback, AfterAllCallback {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final KafkaBrokerExtension kafka;
    private final String setUp;
    private final Map<String, Object> setUpProperties;
    private KsqlServer server;
    private Path stateDir;

    /** Runs the set-up statements once the server is ready, so that they exist before a service registered later starts. */
    KsqlServerExtension(KafkaBrokerExtension kafka, String setUp, Map<String, Object> setUpProperties) {
        this.kafka = kafka;
        this.setUp = setUp;
        this.setUpProperties = setUpProperties;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        stateDir = Files.createTempDirectory("query-service-ksql");
        server = new KsqlServer(new ServerConfig(Map.of(
                "listeners", "http://127.0.0.1:0",
                "bootstrap.servers", kafka.bootstrapServers(),
                "ksql.service.id", "query_service_test_",
                "ksql.streams.state.dir", stateDir.toString(),
                "ksql.streams.commit.interval.ms", "100",
                "ksql.streams.cache.max.bytes.buffering", "0"))).start();
        assertThat(server.awaitReady(60_000)).as("KSQL server ready").isTrue();
        ksql(setUp, setUpProperties);
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        if (server != null) {
            server.close();
        }
        if (stateDir == null) {
            return;
        }
        try (var files = Files.walk(stateDir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    String url() {
        return server.url();
    }

    /** Runs statements on /ksql and returns its entities; anything but 200 fails the test. */
    JsonNode ksql(String statements) {
        return ksql(statements, Map.of());
    }

    JsonNode ksql(String statements, Map<String, Object> streamsProperties) {
        HttpResponse<String> response = post("/ksql", Map.of("ksql", statements, "streamsProperties", streamsProperties));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return read(response.body());
    }

    HttpResponse<String> post(String path, Object body) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(server.url() + path))
                    .timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/vnd.ksql.v1+json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                    .build();
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + body, e);
        }
    }
}
