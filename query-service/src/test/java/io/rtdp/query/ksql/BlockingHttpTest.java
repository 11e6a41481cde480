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
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** The blocking client's framing and keep-alive, against a stand-in that answers at the socket. */
class BlockingHttpTest {
    private static final byte[] BODY = "{}".getBytes(StandardCharsets.UTF_8);

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

    private static BlockingHttp client(ServerSocket server) {
        return new BlockingHttp(URI.create("http://127.0.0.1:" + server.getLocalPort()), Duration.ofSeconds(2));
    }

    @Test
    void readsChunkedAnswersAndKeepsTheConnection() throws IOException {
        AtomicInteger connections = new AtomicInteger();
        String chunked = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "6\r\n{\"a\":1\r\n4\r\n}\n[1\r\n2\r\n]\n\r\n0\r\n\r\n";
        try (ServerSocket server = standIn(chunked, 3, connections); BlockingHttp http = client(server)) {
            for (int i = 0; i < 3; i++) {
                BlockingHttp.Answer answer = http.post("/query-stream", "application/json", "*/*", BODY);
                assertThat(answer.status()).isEqualTo(200);
                assertThat(answer.body()).isEqualTo("{\"a\":1}\n[1]\n");
            }
            assertThat(connections.get()).as("one kept-alive connection").isEqualTo(1);
        }
    }

    @Test
    void sendsAgainOnANewConnectionWhenTheKeptOneWasClosed() throws IOException {
        AtomicInteger connections = new AtomicInteger();
        String answer = "HTTP/1.1 400 Bad Request\r\nContent-Length: 5\r\n\r\nnope!";
        try (ServerSocket server = standIn(answer, 1, connections); BlockingHttp http = client(server)) {
            for (int i = 0; i < 3; i++) {
                BlockingHttp.Answer refused = http.post("/ksql", "application/json", "*/*", BODY);
                assertThat(refused.status()).isEqualTo(400);
                assertThat(refused.body()).isEqualTo("nope!");
            }
            assertThat(connections.get()).isEqualTo(3);
        }
    }

    @Test
    void anAnswerCutShortIsUnavailabilityNamingTheServer() throws IOException {
        AtomicInteger connections = new AtomicInteger();
        try (ServerSocket server = standIn("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nshort", 1, connections);
                BlockingHttp http = client(server)) {
            assertThatThrownBy(() -> http.post("/query-stream", "application/json", "*/*", BODY))
                    .isInstanceOf(KsqlUnavailableException.class)
                    .hasMessageContaining("the KSQL server at http://127.0.0.1:" + server.getLocalPort() + " is unreachable")
                    .hasMessageContaining("closed the connection in the middle of an answer");
        }
    }
}
