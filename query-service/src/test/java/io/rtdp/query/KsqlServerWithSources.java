package io.rtdp.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rtdp.ksql.server.KsqlServerExtension;
import io.rtdp.testkit.KafkaBrokerExtension;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real KSQL server in the test JVM ({@link KsqlServerExtension}) with the test's sources created
 * before anything registered later starts; register it after the broker. Its Vert.x/Netty stack is
 * nothing Dropwizard uses, so the two live side by side.
 */
final class KsqlServerWithSources implements BeforeAllCallback, AfterAllCallback {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final KsqlServerExtension server;
    private final String setUp;
    private final Map<String, Object> setUpProperties;

    /** Runs the set-up statements once the server is ready, so that they exist before a service registered later starts. */
    KsqlServerWithSources(KafkaBrokerExtension kafka, String setUp, Map<String, Object> setUpProperties) {
        this.server = new KsqlServerExtension(kafka, "query_service_test_");
        this.setUp = setUp;
        this.setUpProperties = setUpProperties;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        server.start();
        ksql(setUp, setUpProperties);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        server.stop();
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
