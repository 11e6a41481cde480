package io.rtdp.query.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import com.codahale.metrics.health.HealthCheck;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.dropwizard.jackson.Jackson;
import io.rtdp.query.ksql.KsqlClient;
import io.rtdp.query.ksql.KsqlConfiguration;
import org.junit.jupiter.api.Test;

/**
 * The check of the live sources when the KSQL server is not there at start-up, comes later, or is
 * not ready, against a stand-in that answers {@code POST /ksql} as SPEC §sourceDescription shows.
 * (LiveKsqlTest checks the mismatches against a real KSQL server.)
 */
class LiveSourceCheckTest {
    private static final ObjectMapper JSON = Jackson.newObjectMapper();
    private static final LiveSource DEVICE_TOTALS = new LiveSource("device_totals", "DEVICE_TOTALS",
            LiveSourceConfiguration.Kind.TABLE, "DEVICE", KeyType.STRING, false, Set.of(), "");
    private static final String DESCRIPTION = """
            [{"@type":"sourceDescription","statementText":"DESCRIBE `DEVICE_TOTALS`;","sourceDescription":{
              "name":"DEVICE_TOTALS","windowType":%s,"type":"TABLE","fields":[
                {"name":"DEVICE","schema":{"type":"STRING","fields":null,"memberSchema":null},"type":"KEY"},
                {"name":"READINGS","schema":{"type":"BIGINT","fields":null,"memberSchema":null}}]},
              "warnings":[]}]""";

    private static LiveSourceCheck check(int port) throws IOException {
        KsqlConfiguration configuration = JSON.readValue("{\"url\": \"http://127.0.0.1:" + port + "\", \"timeout\": \"500ms\"}",
                KsqlConfiguration.class);
        return new LiveSourceCheck(new KsqlClient(configuration, JSON, 4), List.of(DEVICE_TOTALS));
    }

    /** A stand-in whose /ksql answers this status and body. */
    private static HttpServer answering(int port, int status, String body) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/ksql", exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        return server;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void startsUncheckedWithoutTheServerAndPassesOnceItAnswers() throws IOException {
        int port = freePort();
        LiveSourceCheck check = check(port);

        check.atStartUp();
        HealthCheck.Result unchecked = check.execute();
        assertThat(unchecked.isHealthy()).isFalse();
        assertThat(unchecked.getMessage()).contains("the 1 live sources are not checked yet")
                .contains("KSQL server at http://127.0.0.1:" + port).contains("refuses connections");

        HttpServer server = answering(port, 200, DESCRIPTION.formatted("null"));
        try {
            HealthCheck.Result checked = check.execute();
            assertThat(checked.isHealthy()).as(checked.getMessage()).isTrue();
            assertThat(checked.getMessage()).contains("the 1 live sources match the KSQL server");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aMismatchFoundLaterIsReportedByTheHealthCheck() throws IOException {
        int port = freePort();
        LiveSourceCheck check = check(port);
        check.atStartUp();

        HttpServer server = answering(port, 200, DESCRIPTION.formatted("\"HOPPING\""));
        try {
            HealthCheck.Result result = check.execute();
            assertThat(result.isHealthy()).isFalse();
            assertThat(result.getMessage()).contains("live.device_totals: DEVICE_TOTALS is windowed (HOPPING) in KSQL;"
                    + " set windowed: true");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aSourceNotCreatedYetLeavesItStartingAndPassesOnceItExists() throws IOException {
        int port = freePort();
        LiveSourceCheck check = check(port);
        HttpServer before = answering(port, 400, "{\"@type\":\"statement_error\",\"error_code\":40001,\"message\":"
                + "\"Could not find STREAM/TABLE 'DEVICE_TOTALS' in the Metastore\",\"statementText\":\"DESCRIBE `DEVICE_TOTALS`;\","
                + "\"entities\":[]}");
        try {
            check.atStartUp();
            HealthCheck.Result missing = check.execute();
            assertThat(missing.isHealthy()).isFalse();
            assertThat(missing.getMessage()).contains("does not have these live sources yet")
                    .contains("live.device_totals: DESCRIBE DEVICE_TOTALS failed: Could not find STREAM/TABLE 'DEVICE_TOTALS'");
        } finally {
            before.stop(0);
        }

        HttpServer after = answering(port, 200, DESCRIPTION.formatted("null"));
        try {
            HealthCheck.Result checked = check.execute();
            assertThat(checked.isHealthy()).as(checked.getMessage()).isTrue();
        } finally {
            after.stop(0);
        }
    }

    @Test
    void aMismatchAtStartUpStopsIt() throws IOException {
        int port = freePort();
        HttpServer server = answering(port, 200, DESCRIPTION.formatted("\"TUMBLING\""));
        try {
            assertThatThrownBy(check(port)::atStartUp).isInstanceOf(InvalidLiveSourcesException.class)
                    .hasMessageContaining("the configured live sources do not match the KSQL server at http://127.0.0.1:" + port)
                    .hasMessageContaining("live.device_totals: DEVICE_TOTALS is windowed (TUMBLING) in KSQL; set windowed: true");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aServerThatIsNotReadyLeavesThemUncheckedRatherThanWrong() throws IOException {
        int port = freePort();
        HttpServer server = answering(port, 503, "{\"@type\":\"generic_error\",\"error_code\":50302,\"message\":\"starting\"}");
        try {
            LiveSourceCheck check = check(port);
            check.atStartUp();
            HealthCheck.Result result = check.execute();
            assertThat(result.isHealthy()).isFalse();
            assertThat(result.getMessage()).contains("not checked yet").contains("cannot describe DEVICE_TOTALS now: starting");
        } finally {
            server.stop(0);
        }
    }
}
