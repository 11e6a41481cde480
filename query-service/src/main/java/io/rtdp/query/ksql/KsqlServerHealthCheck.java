package io.rtdp.query.ksql;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

import com.codahale.metrics.health.HealthCheck;

/**
 * Healthy when the KSQL server answers its {@code GET /info} (the server-info endpoint of ksqlDB's
 * REST API) with 2xx within the configured timeout; unreachable or slow is unhealthy, never a hang.
 */
public final class KsqlServerHealthCheck extends HealthCheck {
    private final URI info;
    private final Duration timeout;
    private final HttpClient client;

    public KsqlServerHealthCheck(KsqlConfiguration configuration) {
        this.info = configuration.url().resolve("/info");
        this.timeout = Duration.ofMillis(configuration.timeout().toMilliseconds());
        this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    protected Result check() throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(info).timeout(timeout).GET().build();
        try {
            HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 == 2) {
                return Result.healthy("KSQL server at %s answers", info);
            }
            return Result.unhealthy("KSQL server at %s answered %d", info, response.statusCode());
        } catch (HttpTimeoutException e) {
            return Result.unhealthy("KSQL server at %s did not answer within %d ms", info, timeout.toMillis());
        } catch (IOException e) {
            return Result.unhealthy("KSQL server at %s is unreachable: %s", info, e);
        }
    }
}
