package io.rtdp.query.ksql;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.codahale.metrics.health.HealthCheck;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.dropwizard.jackson.Jackson;
import org.junit.jupiter.api.Test;

/**
 * Stand-ins that answer or refuse the way a KSQL server would at the socket, to pin down what the
 * check makes of each case (including those a healthy real server never shows) and how long it may take.
 */
class KsqlServerHealthCheckTest {
    private static final ObjectMapper JSON = Jackson.newObjectMapper();

    private static KsqlServerHealthCheck check(String url) throws IOException {
        return new KsqlServerHealthCheck(JSON.readValue("{\"url\": \"" + url + "\", \"timeout\": \"500ms\"}",
                KsqlConfiguration.class), JSON);
    }

    /** A server whose /healthcheck answers this status and body, every other path 404. */
    private static HttpServer answering(int status, String body) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            boolean known = exchange.getRequestURI().getPath().equals("/healthcheck");
            byte[] bytes = (known ? body : "Not Found").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(known ? status : 404, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        return server;
    }

    private static HealthCheck.Result timed(KsqlServerHealthCheck check, Duration bound) {
        long start = System.nanoTime();
        HealthCheck.Result result = check.execute();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(bound);
        return result;
    }

    @Test
    void healthyWhenTheServerSaysSo() throws IOException {
        HttpServer server = answering(200, "{\"isHealthy\":true,\"details\":{},\"serverState\":\"READY\"}");
        try {
            HealthCheck.Result result = timed(check("http://127.0.0.1:" + server.getAddress().getPort()), Duration.ofSeconds(2));
            assertThat(result.isHealthy()).as(result.getMessage()).isTrue();
            assertThat(result.getMessage()).contains("/healthcheck").contains("READY");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void unhealthyWhenTheBodySaysSoDespite200() throws IOException {
        HttpServer server = answering(200, "{\"isHealthy\":false,\"details\":{\"kafka\":{\"isHealthy\":false}},"
                + "\"serverState\":\"READY\"}");
        try {
            HealthCheck.Result result = check("http://127.0.0.1:" + server.getAddress().getPort()).execute();
            assertThat(result.isHealthy()).isFalse();
            assertThat(result.getMessage()).contains("unhealthy").contains("kafka");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void unhealthyWhenItAnswersAnError() throws IOException {
        HttpServer server = answering(503, "{\"@type\":\"generic_error\",\"error_code\":50302,\"message\":\"starting\"}");
        try {
            HealthCheck.Result result = check("http://127.0.0.1:" + server.getAddress().getPort()).execute();
            assertThat(result.isHealthy()).isFalse();
            assertThat(result.getMessage()).contains("answered 503");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void unhealthyAtOnceWhenNothingListens() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        HealthCheck.Result result = timed(check("http://127.0.0.1:" + port),
                Duration.ofSeconds(2));
        assertThat(result.isHealthy()).isFalse();
        assertThat(result.getMessage()).contains("http://127.0.0.1:" + port + "/healthcheck").contains("unreachable");
    }

    @Test
    void unhealthyWithinTheTimeoutWhenTheServerNeverAnswers() throws IOException {
        try (ServerSocket silent = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            List<Socket> accepted = new ArrayList<>();
            Thread acceptor = new Thread(() -> {
                try {
                    accepted.add(silent.accept());
                } catch (IOException closed) {
                    // the test is over
                }
            });
            acceptor.start();
            HealthCheck.Result result = timed(check("http://127.0.0.1:" + silent.getLocalPort()), Duration.ofSeconds(2));
            assertThat(result.isHealthy()).isFalse();
            assertThat(result.getMessage()).contains("did not answer within 500 ms");
            for (Socket socket : accepted) {
                socket.close();
            }
        }
    }

}
