package io.rtdp.query;

import static io.rtdp.query.ErrorBodies.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** PostgreSQL stopped under a running service: quick 503s with Retry-After, unhealthy, not ready. */
class DatabaseOutageTest {
    /** limits.queryTimeout (2 s in test-config.yml), with margin. */
    private static final Duration BOUND = Duration.ofSeconds(4);

    @RegisterExtension
    static final TestService service = new TestService();

    @Test
    void answers503WithRetryAfterWithinTheBoundWhilePostgresIsDown() {
        Http api = service.api();
        Http admin = service.admin();
        assertThat(api.reader("/v1/device_stats/dev-1").statusCode()).isEqualTo(200);

        service.postgres().stop();

        for (String path : new String[] {"/v1/device_stats/dev-1", "/v1/device_stats?device_id=dev-2", "/v1/devices"}) {
            long start = System.nanoTime();
            HttpResponse<String> response = api.reader(path);
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertError(response, 503, "database_unavailable");
            assertThat(response.headers().firstValue("Retry-After")).hasValue("7");
            assertThat(took).as("answer time of " + path).isLessThan(BOUND);
        }

        long start = System.nanoTime();
        HttpResponse<String> health = admin.get("/healthcheck", "Authorization", Http.basic("ops", "ops-password"));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(BOUND.multipliedBy(2));
        JsonNode checks = Http.json(health);
        assertThat(checks.path("postgresql").path("healthy").asBoolean()).isFalse();
        assertThat(health.body()).doesNotContain("\tat ");

        HttpResponse<String> ready = admin.get("/ready");
        assertThat(ready.statusCode()).isEqualTo(503);
        assertThat(ready.body()).isEqualTo("not ready\n");
    }
}
