package io.rtdp.query;

import static io.rtdp.query.ErrorBodies.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.rtdp.testkit.PostgresExtension;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** PostgreSQL stopped under a running service: quick 503s with Retry-After, unhealthy, not ready. */
class DatabaseOutageTest {
    /** limits.queryTimeout (2 s in test-config.yml), with margin. */
    private static final Duration BOUND = Duration.ofSeconds(4);

    @RegisterExtension
    @Order(1)
    static final PostgresExtension postgres = new PostgresExtension();

    @RegisterExtension
    @Order(2)
    static final SqlScript tables = new SqlScript(postgres, "/tables.sql");

    @RegisterExtension
    @Order(3)
    static final DropwizardAppExtension<QueryServiceConfiguration> app = TestService.against(postgres);

    @Test
    void answers503WithRetryAfterWithinTheBoundWhilePostgresIsDown() {
        Http api = Http.on(app.getLocalPort());
        Http admin = Http.on(app.getAdminPort());
        assertThat(api.reader("/v1/device_stats/dev-1").statusCode()).isEqualTo(200);

        postgres.stop();

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
