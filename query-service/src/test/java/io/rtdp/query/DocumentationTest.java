package io.rtdp.query;

import static io.rtdp.query.ErrorBodies.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The OpenAPI document and the browsable API page. */
class DocumentationTest {
    @RegisterExtension
    static final TestService service = new TestService();

    @Test
    void openApiDescribesEachTable() {
        HttpResponse<String> response = service.api().get("/openapi.json");
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
    void openApiDescribesEachLiveSource() {
        JsonNode paths = Http.json(service.api().get("/openapi.json")).path("paths");
        assertThat(paths.has("/v1/live")).isTrue();
        JsonNode state = paths.path("/v1/live/order_totals/{ID}").path("get");
        assertThat(state.path("parameters").get(0).path("schema").path("format").asText()).isEqualTo("int32");
        assertThat(state.path("responses").has("503")).isTrue();
        assertThat(Http.texts(paths.path("/v1/live/device_minutes/{DEVICE}").path("get").path("parameters"), "name"))
                .containsExactly("DEVICE", "from", "to");
        // A stream has no state by key, only its events.
        assertThat(paths.has("/v1/live/readings/{DEVICE}")).isFalse();
        assertThat(paths.path("/v1/live/readings").path("get").path("responses").path("200").path("content")
                .has("text/event-stream")).isTrue();
    }

    @Test
    void apiPageLoadsSwaggerUi() {
        HttpResponse<String> page = service.api().get("/docs");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("/openapi.json").contains("/docs/swagger-ui-bundle.js");
        HttpResponse<String> bundle = service.api().get("/docs/swagger-ui-bundle.js");
        assertThat(bundle.statusCode()).isEqualTo(200);
        assertThat(bundle.body()).contains("SwaggerUIBundle");
        assertError(service.api().get("/docs/versions.properties"), 404, "not_found");
        // Jetty refuses this one itself, before the resource: still the same error shape.
        assertError(service.api().get("/docs/..%2Fversions.properties"), 400, "bad_request");
    }
}
