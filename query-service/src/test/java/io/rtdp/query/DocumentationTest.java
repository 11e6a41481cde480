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

/** The OpenAPI document and the browsable API page. */
class DocumentationTest {
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

    @Test
    void openApiDescribesEachTable() {
        HttpResponse<String> response = api().get("/openapi.json");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode document = Http.json(response);
        assertThat(document.path("openapi").asText()).startsWith("3.");
        assertThat(document.path("paths").has("/v1/device_stats")).isTrue();
        assertThat(document.path("paths").has("/v1/device_stats/{device_id}")).isTrue();
        JsonNode parameters = document.path("paths").path("/v1/device_stats").path("get").path("parameters");
        assertThat(Http.texts(parameters, "name")).containsExactly("device_id", "from", "to", "order", "limit", "cursor");
        JsonNode row = document.path("components").path("schemas").path("devices_row").path("properties");
        assertThat(row.path("device_id").path("format").asText()).isEqualTo("uuid");
        assertThat(row.path("active").path("type").asText()).isEqualTo("boolean");
        assertThat(document.path("components").path("securitySchemes").path("apiKey").path("name").asText()).isEqualTo("X-API-Key");
    }

    @Test
    void apiPageLoadsSwaggerUi() {
        HttpResponse<String> page = api().get("/docs");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("/openapi.json").contains("/docs/swagger-ui-bundle.js");
        HttpResponse<String> bundle = api().get("/docs/swagger-ui-bundle.js");
        assertThat(bundle.statusCode()).isEqualTo(200);
        assertThat(bundle.body()).contains("SwaggerUIBundle");
        assertError(api().get("/docs/versions.properties"), 404, "not_found");
        // Jetty refuses this one itself, before the resource: still the same error shape.
        assertError(api().get("/docs/..%2Fversions.properties"), 400, "bad_request");
    }
}
