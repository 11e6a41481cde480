package io.rtdp.query;

import static io.rtdp.query.ErrorBodies.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * /v1/live without a KSQL server to answer: requests refused before any query is sent, and the
 * 503 + Retry-After of a server that is down (nothing listens) or hangs (accepts, never answers),
 * within ksql.timeout (500 ms in test-config.yml), never a hang.
 */
class LiveErrorsTest {
    /** ksql.timeout with margin. */
    private static final Duration BOUND = Duration.ofSeconds(2);

    /** Accepts connections (the kernel's backlog does) and never answers. */
    private static final ServerSocket SILENT = silentSocket();

    /** test-config.yml's KSQL server: a port nothing listens on. */
    @RegisterExtension
    @Order(1)
    static final TestService down = new TestService();

    @RegisterExtension
    @Order(2)
    static final DropwizardAppExtension<QueryServiceConfiguration> hung = TestService.against(down.postgres(),
            ConfigOverride.config("ksql.url", (Supplier<String>) () -> "http://127.0.0.1:" + SILENT.getLocalPort()));

    @AfterAll
    static void closeSilentSocket() throws IOException {
        SILENT.close();
    }

    @Test
    void keyThatIsNotOfTheKeyTypeIs400() {
        JsonNode body = assertError(down.api().reader("/v1/live/order_totals/12x"), 400, "invalid_parameters");
        assertThat(body.path("details").get(0).path("field").asText()).isEqualTo("ID");
        assertThat(body.path("details").get(0).path("message").asText()).startsWith("must be an integer");
        assertError(down.api().reader("/v1/live/order_totals/99999999999"), 400, "invalid_parameters");
        assertError(down.api().reader("/v1/live/order_totals?key=1%3B"), 400, "invalid_parameters");
    }

    @Test
    void windowRangeOnlyForWindowedTablesAndAsTimes() {
        JsonNode body = assertError(down.api().reader("/v1/live/device_totals/boiler?from=2026-11-25"), 400, "invalid_parameters");
        assertThat(body.path("details").get(0).path("field").asText()).isEqualTo("from");
        JsonNode time = assertError(down.api().reader("/v1/live/device_minutes/boiler?to=yesterday"), 400, "invalid_parameters");
        assertThat(time.path("details").get(0).path("field").asText()).isEqualTo("to");
    }

    @Test
    void unknownSourceStreamStateAndMissingRoleAreRefused() {
        assertError(down.api().reader("/v1/live/nothing/boiler"), 404, "unknown_source");
        assertError(down.api().reader("/v1/live/readings/boiler"), 404, "not_a_table");
        assertError(down.api().reader("/v1/live/audited_totals/boiler"), 403, "forbidden");
        assertError(down.api().get("/v1/live/device_totals/boiler"), 401, "unauthorized");
    }

    @Test
    void listsTheSourcesTheCallerMayRead() {
        JsonNode reader = Http.json(down.api().reader("/v1/live"));
        assertThat(Http.texts(reader.path("sources"), "name"))
                .containsExactly("readings", "device_totals", "device_minutes", "order_totals", "retired_totals");
        assertThat(Http.texts(reader.path("sources"), "kind")).startsWith("stream", "table");
        JsonNode auditor = Http.json(down.api().get("/v1/live", "X-API-Key", Http.AUDITOR_KEY));
        assertThat(Http.texts(auditor.path("sources"), "name")).contains("audited_totals");
    }

    @Test
    void startsWithoutTheKsqlServerAndReportsTheLiveSourcesUnchecked() {
        for (int adminPort : new int[] {down.app().getAdminPort(), hung.getAdminPort()}) {
            JsonNode checks = Http.json(Http.on(adminPort).get("/healthcheck", "Authorization", Http.basic("ops", "ops-password")));
            JsonNode live = checks.path("live-sources");
            assertThat(live.path("healthy").asBoolean()).as(checks.toString()).isFalse();
            assertThat(live.path("message").asText()).contains("the 6 live sources are not checked yet")
                    .contains("KSQL server at http://127.0.0.1:");
            assertThat(checks.path("postgresql").path("healthy").asBoolean()).isTrue();
            assertThat(Http.on(adminPort).get("/ready").statusCode()).as("ready without the KSQL server").isEqualTo(200);
        }
    }

    @Test
    void serverDownGives503WithRetryAfterAtOnce() throws Exception {
        assertUnavailableWithinBound(down.api(), "/v1/live/device_totals/boiler");
        assertEventsUnavailableWithinBound(down.app().getLocalPort());
    }

    @Test
    void serverThatNeverAnswersGives503WithinTheTimeout() throws Exception {
        assertUnavailableWithinBound(Http.on(hung.getLocalPort()), "/v1/live/device_totals/boiler");
        assertEventsUnavailableWithinBound(hung.getLocalPort());
    }

    private static void assertUnavailableWithinBound(Http api, String path) {
        long start = System.nanoTime();
        HttpResponse<String> response = api.reader(path);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(BOUND);
        JsonNode body = assertError(response, 503, "ksql_unavailable");
        assertThat(response.headers().firstValue("Retry-After")).hasValue("7");
        assertThat(body.path("message").asText()).contains("KSQL server at http://127.0.0.1:");
    }

    private static void assertEventsUnavailableWithinBound(int port) throws Exception {
        long start = System.nanoTime();
        try (EventSourceClient events = EventSourceClient.connect(port, "/v1/live/readings", "X-API-Key", Http.READER_KEY)) {
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(BOUND);
            HttpResponse<String> refusal = events.refusal();
            assertError(refusal, 503, "ksql_unavailable");
            assertThat(refusal.headers().firstValue("Retry-After")).hasValue("7");
        }
    }

    private static ServerSocket silentSocket() {
        try {
            return new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
