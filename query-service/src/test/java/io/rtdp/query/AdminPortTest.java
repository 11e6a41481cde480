package io.rtdp.query;

import static io.rtdp.query.ErrorBodies.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The admin port: its protection, probes, health checks and the Prometheus endpoint. */
class AdminPortTest {
    @RegisterExtension
    static final TestService service = new TestService();

    @Test
    void requiresTheAdminRole() {
        assertError(service.admin().get("/healthcheck"), 401, "unauthorized");
        assertError(service.admin().get("/metrics", "X-API-Key", Http.READER_KEY), 403, "forbidden");
        assertError(service.admin().get("/prometheus", "Authorization", Http.basic("ops", "nope-nope")), 401, "unauthorized");
        assertThat(service.admin().get("/metrics", "Authorization", Http.basic("ops", "ops-password")).statusCode()).isEqualTo(200);
        assertError(service.admin().get("/nowhere", "Authorization", Http.basic("ops", "ops-password")), 404, "not_found");
    }

    @Test
    void probesNeedNoCredentials() {
        assertThat(service.admin().get("/ping").statusCode()).isEqualTo(200);
        HttpResponse<String> ready = service.admin().get("/ready");
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body()).isEqualTo("ready\n");
    }

    @Test
    void healthChecksReportPostgresAndTheKsqlServer() {
        HttpResponse<String> response = service.admin().get("/healthcheck", "Authorization", Http.basic("ops", "ops-password"));
        JsonNode checks = Http.json(response);
        assertThat(checks.path("postgresql").path("healthy").asBoolean()).isTrue();
        // No KSQL server in this test: the check says so, and the whole report is then unhealthy.
        assertThat(checks.path("ksql-server").path("healthy").asBoolean()).isFalse();
        assertThat(checks.path("ksql-server").path("message").asText()).contains("http://127.0.0.1:9/healthcheck");
        assertThat(response.statusCode()).isEqualTo(500);
    }

    @Test
    void prometheusEndpointHasPerEndpointMetrics() {
        service.api().reader("/v1/device_stats/dev-1");
        service.api().reader("/v1/device_stats?limit=1");
        HttpResponse<String> response = service.admin().get("/prometheus", "Authorization", Http.basic("ops", "ops-password"));

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
