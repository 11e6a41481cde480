package io.rtdp.query;

import static io.rtdp.query.ErrorBodies.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.rtdp.testkit.PostgresExtension;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The admin port: its protection, probes, health checks and the Prometheus endpoint. */
class AdminPortTest {
    @RegisterExtension
    @Order(1)
    static final PostgresExtension postgres = new PostgresExtension();

    @RegisterExtension
    @Order(2)
    static final SqlScript tables = new SqlScript(postgres, "/tables.sql");

    @RegisterExtension
    @Order(3)
    static final DropwizardAppExtension<QueryServiceConfiguration> app = TestService.against(postgres);

    private static Http api() {
        return Http.on(app.getLocalPort());
    }

    private static Http admin() {
        return Http.on(app.getAdminPort());
    }

    @Test
    void requiresTheAdminRole() {
        assertError(admin().get("/healthcheck"), 401, "unauthorized");
        assertError(admin().get("/metrics", "X-API-Key", Http.READER_KEY), 403, "forbidden");
        assertError(admin().get("/prometheus", "Authorization", Http.basic("ops", "nope-nope")), 401, "unauthorized");
        assertThat(admin().get("/metrics", "Authorization", Http.basic("ops", "ops-password")).statusCode()).isEqualTo(200);
        assertError(admin().get("/nowhere", "Authorization", Http.basic("ops", "ops-password")), 404, "not_found");
    }

    @Test
    void probesNeedNoCredentials() {
        assertThat(admin().get("/ping").statusCode()).isEqualTo(200);
        HttpResponse<String> ready = admin().get("/ready");
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body()).isEqualTo("ready\n");
    }

    @Test
    void healthChecksReportPostgresAndTheKsqlServer() {
        HttpResponse<String> response = admin().get("/healthcheck", "Authorization", Http.basic("ops", "ops-password"));
        JsonNode checks = Http.json(response);
        assertThat(checks.path("postgresql").path("healthy").asBoolean()).isTrue();
        // No KSQL server in this test: the check says so, and the whole report is then unhealthy.
        assertThat(checks.path("ksql-server").path("healthy").asBoolean()).isFalse();
        assertThat(checks.path("ksql-server").path("message").asText()).contains("http://127.0.0.1:9/info");
        assertThat(response.statusCode()).isEqualTo(500);
    }

    @Test
    void prometheusEndpointHasPerEndpointMetrics() {
        api().reader("/v1/device_stats/dev-1");
        api().reader("/v1/device_stats?limit=1");
        HttpResponse<String> response = admin().get("/prometheus", "Authorization", Http.basic("ops", "ops-password"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("text/plain; version=0.0.4"));
        assertThat(response.body())
                .contains("# TYPE io_rtdp_query_tables_tableresource_device_stats_page_seconds summary")
                .containsPattern("io_rtdp_query_tables_tableresource_device_stats_current_seconds_count [1-9]")
                .containsPattern("(?m)^io_rtdp_query_tables_tableresource_page_seconds\\{quantile=\"0.99\"\\} ")
                .contains("# TYPE io_dropwizard_db_managedpooleddatasource_postgresql_active gauge");
    }
}
