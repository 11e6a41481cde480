package io.rtdp.query.ksql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.jackson.Jackson;
import org.junit.jupiter.api.Test;

/**
 * How the client uses its connections to the KSQL server, against a stand-in that answers at the
 * socket: kept alive between pull queries, a request resent when the server had closed the kept
 * connection, and an answer cut short told as such.
 */
class KsqlClientConnectionsTest {
    private static final ObjectMapper JSON = Jackson.newObjectMapper();
    private static final String PULL_ANSWER = "{\"queryId\":null,\"columnNames\":[\"ID\"],\"columnTypes\":[\"BIGINT\"]}\n[1]\n";

    /**
     * Answers each connection's requests with the given answer text, closing the connection after
     * answersPerConnection of them (without saying so, as a server whose idle timeout ran out does).
     */
    private static ServerSocket standIn(String answer, int answersPerConnection, AtomicInteger connections) throws IOException {
        ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            while (!server.isClosed()) {
                try (Socket socket = server.accept()) {
                    connections.incrementAndGet();
                    BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
                    OutputStream out = socket.getOutputStream();
                    for (int i = 0; i < answersPerConnection; i++) {
                        int length = 0;
                        for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                            if (line.toLowerCase().startsWith("content-length:")) {
                                length = Integer.parseInt(line.substring(15).trim());
                            }
                        }
                        in.skip(length);
                        out.write(answer.getBytes(StandardCharsets.ISO_8859_1));
                        out.flush();
                    }
                } catch (IOException closed) {
                    // the test is over, or the client went away
                }
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
        return server;
    }

    private static KsqlClient client(ServerSocket server) throws IOException {
        KsqlConfiguration configuration = JSON.readValue(
                "{\"url\": \"http://127.0.0.1:" + server.getLocalPort() + "\", \"timeout\": \"2s\"}", KsqlConfiguration.class);
        return new KsqlClient(configuration, JSON, 4);
    }

    private static String chunked(String body) {
        int half = body.length() / 2;
        return "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                + Integer.toHexString(half) + "\r\n" + body.substring(0, half) + "\r\n"
                + Integer.toHexString(body.length() - half) + "\r\n" + body.substring(half) + "\r\n0\r\n\r\n";
    }

    @Test
    void pullQueriesShareOneKeptAliveConnection() throws IOException {
        AtomicInteger connections = new AtomicInteger();
        try (ServerSocket server = standIn(chunked(PULL_ANSWER), 3, connections); KsqlClient client = client(server)) {
            for (int i = 0; i < 3; i++) {
                PullResult result = client.pull("SELECT * FROM T WHERE ID = 1;");
                assertThat(result.metadata().columnNames()).isEqualTo(List.of("ID"));
                assertThat(result.rows()).hasSize(1);
                assertThat(result.rows().get(0).path("ID").asLong()).isEqualTo(1);
            }
            assertThat(connections.get()).as("one kept-alive connection").isEqualTo(1);
        }
    }

    @Test
    void resendsOnANewConnectionWhenTheServerClosedTheKeptOne() throws IOException {
        AtomicInteger connections = new AtomicInteger();
        String answer = "HTTP/1.1 200 OK\r\nContent-Length: " + PULL_ANSWER.length() + "\r\n\r\n" + PULL_ANSWER;
        try (ServerSocket server = standIn(answer, 1, connections); KsqlClient client = client(server)) {
            for (int i = 0; i < 3; i++) {
                assertThat(client.pull("SELECT * FROM T WHERE ID = 1;").rows()).hasSize(1);
            }
            assertThat(connections.get()).as("the first, then one after each close").isEqualTo(3);
        }
    }

    @Test
    void aRefusalOnAKeptConnectionIsTheServersError() throws IOException {
        AtomicInteger connections = new AtomicInteger();
        String refusal = "{\"@type\":\"statement_error\",\"error_code\":40001,\"message\":\"T does not exist.\"}";
        String answer = "HTTP/1.1 400 Bad Request\r\nContent-Length: " + refusal.length() + "\r\n\r\n" + refusal;
        try (ServerSocket server = standIn(answer, 2, connections); KsqlClient client = client(server)) {
            for (int i = 0; i < 2; i++) {
                assertThatThrownBy(() -> client.pull("SELECT * FROM T;"))
                        .isInstanceOf(KsqlErrorException.class)
                        .hasMessageContaining("T does not exist.");
            }
            assertThat(connections.get()).isEqualTo(1);
        }
    }

    @Test
    void anAnswerCutShortIsUnavailabilityNamingTheServer() throws IOException {
        AtomicInteger connections = new AtomicInteger();
        try (ServerSocket server = standIn("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n{\"queryId\"", 1, connections);
                KsqlClient client = client(server)) {
            assertThatThrownBy(() -> client.pull("SELECT * FROM T;"))
                    .isInstanceOf(KsqlUnavailableException.class)
                    .hasMessageContaining("the KSQL server at http://127.0.0.1:" + server.getLocalPort()
                            + " closed the connection in the middle of an answer");
            assertThat(connections.get()).as("an answer that began is not asked again").isEqualTo(1);
        }
    }
}
