package io.rtdp.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What a browser's EventSource does with a server-sent event stream, reduced to what the tests
 * look at: the events in order, the heartbeat comments, and hanging up.
 */
final class EventSourceClient implements AutoCloseable {
    record Event(String name, String data) {
        JsonNode json() {
            try {
                return new ObjectMapper().readTree(data);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + data, e);
            }
        }
    }

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final HttpResponse<InputStream> response;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final AtomicInteger comments = new AtomicInteger();

    private EventSourceClient(HttpResponse<InputStream> response) {
        this.response = response;
        if (response.statusCode() == 200) {
            Thread reader = new Thread(this::read, "event-source-client");
            reader.setDaemon(true);
            reader.start();
        }
    }

    /** Connects; the response's status and headers are in when this returns. */
    static EventSourceClient connect(int port, String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                // As browsers send it: events must still come one by one, not held back by compression.
                .header("Accept", "text/event-stream").header("Accept-Encoding", "gzip").GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return new EventSourceClient(CLIENT.sendAsync(request.build(), HttpResponse.BodyHandlers.ofInputStream())
                .get(30, TimeUnit.SECONDS));
    }

    HttpResponse<InputStream> response() {
        return response;
    }

    /** The whole body of a response that is not a stream (an error), as HttpResponse<String> for ErrorBodies. */
    HttpResponse<String> refusal() throws IOException {
        String body = new String(response.body().readAllBytes(), StandardCharsets.UTF_8);
        return new StringResponse(response, body);
    }

    Event next(Duration within) throws InterruptedException {
        Event event = poll(within);
        assertThat(event).as("an event within " + within).isNotNull();
        return event;
    }

    /** The next event, or null if none came within the time. */
    Event poll(Duration within) throws InterruptedException {
        return events.poll(within.toMillis(), TimeUnit.MILLISECONDS);
    }

    int comments() {
        return comments.get();
    }

    /** Hangs up, as a closed browser tab does. */
    @Override
    public void close() throws IOException {
        response.body().close();
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String name = "message";
            StringBuilder data = null;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isEmpty()) {
                    if (data != null) {
                        events.add(new Event(name, data.toString()));
                    }
                    name = "message";
                    data = null;
                } else if (line.startsWith(":")) {
                    comments.incrementAndGet();
                } else if (line.startsWith("event: ")) {
                    name = line.substring("event: ".length());
                } else if (line.startsWith("data: ")) {
                    data = data == null ? new StringBuilder() : data.append('\n');
                    data.append(line.substring("data: ".length()));
                }
            }
        } catch (IOException closed) {
            // hung up by the test, or by the service
        }
    }

    private record StringResponse(HttpResponse<InputStream> original, String body) implements HttpResponse<String> {
        @Override
        public int statusCode() {
            return original.statusCode();
        }

        @Override
        public HttpRequest request() {
            return original.request();
        }

        @Override
        public java.util.Optional<HttpResponse<String>> previousResponse() {
            return java.util.Optional.empty();
        }

        @Override
        public java.net.http.HttpHeaders headers() {
            return original.headers();
        }

        @Override
        public java.util.Optional<javax.net.ssl.SSLSession> sslSession() {
            return original.sslSession();
        }

        @Override
        public URI uri() {
            return original.uri();
        }

        @Override
        public HttpClient.Version version() {
            return original.version();
        }
    }
}
