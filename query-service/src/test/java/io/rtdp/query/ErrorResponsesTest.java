package io.rtdp.query;

import static io.rtdp.query.ErrorBodies.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every refusal in the one error shape: 400 with field errors, 401, 403, 404, 405. */
class ErrorResponsesTest {
    @RegisterExtension
    static final TestService service = new TestService();

    @Test
    void badParametersAre400WithFieldErrors() {
        JsonNode body = assertError(service.api().reader("/v1/device_stats?limit=0&order=up&from=yesterday"), 400,
                "invalid_parameters");
        assertThat(Http.texts(body.path("details"), "field")).containsExactly("from", "limit", "order");
        assertThat(Http.texts(body.path("details"), "message")).allSatisfy(message -> assertThat(message).isNotBlank());
    }

    @Test
    void badKeyValuesUnknownParametersAndCursorsAre400() {
        JsonNode key = assertError(service.api().reader("/v1/merchant_revenue?merchant_id=abc"), 400, "invalid_parameters");
        assertThat(key.path("details").get(0).path("field").asText()).isEqualTo("merchant_id");
        assertThat(key.path("details").get(0).path("message").asText()).isEqualTo("must be a whole number");

        JsonNode unknown = assertError(service.api().reader("/v1/device_stats?devce_id=dev-1"), 400, "invalid_parameters");
        assertThat(unknown.path("details").get(0).path("field").asText()).isEqualTo("devce_id");

        assertError(service.api().reader("/v1/device_stats?cursor=bm90LWEtY3Vyc29y"), 400, "invalid_parameters");
        String otherTablesCursor = Http.json(service.api().reader("/v1/merchant_revenue?limit=1")).path("nextCursor").asText();
        assertError(service.api().reader("/v1/device_stats?cursor=" + otherTablesCursor), 400, "invalid_parameters");
        assertError(service.api().reader("/v1/devices?from=2026-11-25"), 400, "invalid_parameters");
        assertError(service.api().reader("/v1/devices/not-a-uuid"), 400, "invalid_parameters");
        assertError(service.api().reader("/v1/device_stats/dev-1/extra"), 400, "invalid_parameters");
    }

    @Test
    void unknownTablesKeysAndPathsAre404() {
        assertError(service.api().reader("/v1/no_such_table"), 404, "unknown_table");
        assertError(service.api().reader("/v1/device_stats/dev-404"), 404, "unknown_key");
        assertError(service.api().reader("/nowhere"), 404, "not_found");
    }

    @Test
    void missingOrWrongCredentialsAre401WithChallenges() {
        HttpResponse<String> none = service.api().get("/v1/device_stats");
        assertError(none, 401, "unauthorized");
        assertThat(none.headers().allValues("WWW-Authenticate")).anySatisfy(v -> assertThat(v).startsWith("Basic realm=\"rtdp\""))
                .anySatisfy(v -> assertThat(v).startsWith("ApiKey"));
        assertError(service.api().get("/v1/device_stats", "X-API-Key", "wrong-key-0123456789"), 401, "unauthorized");
        assertError(service.api().get("/v1/device_stats", "Authorization", Http.basic("ops", "wrong")), 401, "unauthorized");
        assertThat(service.api().get("/v1/device_stats", "Authorization", Http.basic("ops", "ops-password")).statusCode()).isEqualTo(200);
    }

    @Test
    void tableRolesGive403() {
        assertError(service.api().reader("/v1/audit_log"), 403, "forbidden");
        assertThat(service.api().get("/v1/audit_log", "X-API-Key", Http.AUDITOR_KEY).statusCode()).isEqualTo(200);
    }

    @Test
    void otherMethodsAre405InTheSameShape() {
        assertError(service.api().send("DELETE", "/v1/device_stats", "X-API-Key", Http.READER_KEY), 405, "method_not_allowed");
    }
}
