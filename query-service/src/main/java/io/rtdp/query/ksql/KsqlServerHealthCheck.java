package io.rtdp.query.ksql;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.codahale.metrics.health.HealthCheck;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Healthy when the KSQL server's {@code GET /healthcheck} (SPEC §4.9) says {@code isHealthy}
 * within the configured timeout. That endpoint answers 200 even when unhealthy, so the body
 * decides; unreachable or slow is unhealthy, never a hang.
 */
public final class KsqlServerHealthCheck extends HealthCheck {
    private final URI healthcheck;
    private final Duration timeout;
    private final HttpClient client;
    private final ObjectMapper json;

    public KsqlServerHealthCheck(KsqlConfiguration configuration, ObjectMapper json) {
        this.healthcheck = configuration.url().resolve("/healthcheck");
        this.timeout = Duration.ofMillis(configuration.timeout().toMilliseconds());
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
        this.json = json;
    }

    @Override
    protected Result check() throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(healthcheck).timeout(timeout).GET().build();
        HttpResponse<String> response;
        try {
            response = client.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return Result.unhealthy("KSQL server at %s did not answer within %d ms", healthcheck, timeout.toMillis());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof HttpTimeoutException) {
                return Result.unhealthy("KSQL server at %s did not answer within %d ms", healthcheck, timeout.toMillis());
            }
            return Result.unhealthy("KSQL server at %s is unreachable: %s", healthcheck, e.getCause());
        }
        if (response.statusCode() / 100 != 2) {
            return Result.unhealthy("KSQL server at %s answered %d", healthcheck, response.statusCode());
        }
        JsonNode body = parse(response.body());
        String state = body.path("serverState").asText("unknown");
        if (body.path("isHealthy").asBoolean(false)) {
            return Result.healthy("KSQL server at %s is healthy (%s)", healthcheck, state);
        }
        return Result.unhealthy("KSQL server at %s reports itself unhealthy (%s): %s", healthcheck, state, body.path("details"));
    }

    private JsonNode parse(String body) {
        try {
            return json.readTree(body);
        } catch (IOException e) {
            return json.missingNode();
        }
    }
}
