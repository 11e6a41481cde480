package io.rtdp.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;

/** The one error shape: {code, message, details}, as JSON, with no stack trace in it. */
final class ErrorBodies {
    private ErrorBodies() {
    }

    static JsonNode assertError(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("application/json"));
        JsonNode body = Http.json(response);
        assertThat(body.fieldNames()).toIterable().containsExactly("code", "message", "details");
        assertThat(body.path("code").asText()).isEqualTo(code);
        assertThat(body.path("message").asText()).isNotBlank();
        assertThat(body.path("details").isArray()).isTrue();
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain(".java:");
        return body;
    }
}
