package io.rtdp.query.ksql;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.codahale.metrics.health.HealthCheck;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.dropwizard.jackson.Jackson;
import org.junit.jupiter.api.Test;

/**
 * The KSQL server does not exist yet; these stand-ins only answer or refuse the way a server
 * would at the socket, to pin down what the check makes of each case and how long it may take.
 */
class KsqlServerHealthCheckTest {
    private static final ObjectMapper JSON = Jackson.newObjectMapper();

    private static KsqlConfiguration configuration(String url) throws IOException {
        return JSON.readValue("{\"url\": \"" + url + "\", \"timeout\": \"500ms\"}", KsqlConfiguration.class);
    }

    private static HealthCheck.Result timed(KsqlServerHealthCheck check, Duration bound) {
        long start = System.nanoTime();
        HealthCheck.Result result = check.execute();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(bound);
        return result;
    }

    @Test
    void healthyWhenInfoAnswers2xx() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        List<String> paths = new ArrayList<>();
        server.createContext("/", exchange -> {
            paths.add(exchange.getRequestURI().getPath());
            exchange.sendResponseHeaders(exchange.getRequestURI().getPath().equals("/info") ? 200 : 404, -1);
            exchange.close();
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort();
            assertThat(timed(new KsqlServerHealthCheck(configuration(url)), Duration.ofSeconds(2)).isHealthy()).isTrue();
            assertThat(paths).containsExactly("/info");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void unhealthyWhenInfoAnswersAnError() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
        });
        server.start();
        try {
            HealthCheck.Result result = new KsqlServerHealthCheck(
                    configuration("http://127.0.0.1:" + server.getAddress().getPort())).execute();
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
        HealthCheck.Result result = timed(new KsqlServerHealthCheck(configuration("http://127.0.0.1:" + port)),
                Duration.ofSeconds(2));
        assertThat(result.isHealthy()).isFalse();
        assertThat(result.getMessage()).contains("http://127.0.0.1:" + port + "/info").contains("unreachable");
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
            HealthCheck.Result result = timed(new KsqlServerHealthCheck(
                    configuration("http://127.0.0.1:" + silent.getLocalPort())), Duration.ofSeconds(2));
            assertThat(result.isHealthy()).isFalse();
            assertThat(result.getMessage()).contains("did not answer within 500 ms");
            for (Socket socket : accepted) {
                socket.close();
            }
        }
    }

}
