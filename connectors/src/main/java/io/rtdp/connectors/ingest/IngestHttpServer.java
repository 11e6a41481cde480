package io.rtdp.connectors.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The HTTP endpoint of one ingest task, on the JDK's own server (no dependency that could clash
 * with the worker's Jetty). Answers a request only once its fate is known: 202 after Kafka
 * acknowledged every event, an error with a JSON body naming the cause and the fix otherwise.
 */
final class IngestHttpServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(IngestHttpServer.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A client that sends far more than the limit is cut off rather than read to the end. */
    private static final long MAX_DRAIN_BYTES = 64L * 1024 * 1024;

    static {
        // The JDK server writes a response's headers and body separately; without TCP_NODELAY, Nagle's
        // algorithm holds the body until the client's delayed ACK (40 ms) on every keep-alive request.
        // It reads this once per JVM, at its first use: an operator's own -D setting wins.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final HttpIngestConfig config;
    private final Routes routes;
    private final ApiKeys apiKeys;
    private final EventParser parser;
    private final IngestBuffer buffer;
    private final HttpServer server;
    private final ExecutorService threads;

    IngestHttpServer(HttpIngestConfig config, IngestBuffer buffer) throws IOException {
        this.config = config;
        this.routes = config.routes();
        this.apiKeys = config.apiKeys();
        this.parser = new EventParser(config.keyPath());
        this.buffer = buffer;
        this.server = HttpServer.create(new InetSocketAddress(config.bindAddress(), config.taskPort()), 256);
        AtomicInteger n = new AtomicInteger();
        this.threads = Executors.newFixedThreadPool(config.threads(), r -> {
            Thread t = new Thread(r, "rtdp-http-ingest-" + config.taskPort() + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
        LOG.info("HTTP ingest listening on {}:{} for {}", config.bindAddress(), config.taskPort(), routes.paths());
    }

    /** Stops listening (the port is free when this returns) and ends every request thread. */
    @Override
    public void close() {
        server.stop(1);
        threads.shutdownNow();
        try {
            if (!threads.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("HTTP ingest threads on port {} did not end within 10 s", config.taskPort());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.info("HTTP ingest on port {} stopped", config.taskPort());
    }

    private void handle(HttpExchange exchange) {
        try {
            route(exchange);
        } catch (IOException e) {
            LOG.debug("HTTP ingest client went away: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("HTTP ingest failed on a request", e);
            internalError(exchange, e);
        } finally {
            exchange.close();
        }
    }

    private void route(HttpExchange exchange) throws IOException, InterruptedException {
        String path = exchange.getRequestURI().getPath();
        if ("/health".equals(path)) {
            health(exchange);
            return;
        }
        String topic = routes.topicOf(path);
        if (topic == null) {
            drain(exchange);
            error(exchange, 404, "no_route", "no route for " + path + "; POST events to one of " + routes.paths() + " (http.routes)");
            return;
        }
        if (!"POST".equals(exchange.getRequestMethod())) {
            drain(exchange);
            exchange.getResponseHeaders().set("Allow", "POST");
            error(exchange, 405, "method_not_allowed", exchange.getRequestMethod() + " is not supported on " + path + "; POST the events");
            return;
        }
        if (apiKeys.required() && !apiKeys.accepts(presentedKey(exchange))) {
            drain(exchange);
            exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer");
            error(exchange, 401, "unauthorized", "missing or unknown API key: send one of the keys in api.keys as X-API-Key: <key> or Authorization: Bearer <key>");
            return;
        }
        ingest(exchange, topic);
    }

    private static void internalError(HttpExchange exchange, RuntimeException e) {
        try {
            error(exchange, 500, "internal_error", "the ingest task failed on this request (" + e
                    + "); nothing was acknowledged: retry, and report it with the worker log if it persists");
        } catch (IOException | RuntimeException alreadyAnswered) {
            LOG.debug("could not answer 500: {}", alreadyAnswered.toString());
        }
    }

    private void ingest(HttpExchange exchange, String topic) throws IOException, InterruptedException {
        byte[] body = readBody(exchange);
        if (body == null) {
            error(exchange, 413, "request_too_large", "the body is over max.request.bytes=" + config.maxRequestBytes()
                    + " bytes; split the events over several requests");
            return;
        }
        List<EventParser.Event> events;
        try {
            events = parser.parse(body);
        } catch (MalformedRequestException e) {
            ObjectNode details = JSON.createObjectNode().put("line", e.line());
            if (e.event() > 0) {
                details.put("event", e.event());
            }
            error(exchange, 400, "malformed_request", e.getMessage() + ". Nothing of this request was written.", details);
            return;
        }
        if (events.size() > buffer.capacity()) {
            error(exchange, 413, "too_many_events", events.size() + " events in one request, more than buffer.max.records="
                    + buffer.capacity() + "; split them over several requests");
            return;
        }
        long now = System.currentTimeMillis();
        PendingRequest request = new PendingRequest(events.size());
        List<IngestRecord> records = new ArrayList<>(events.size());
        for (EventParser.Event event : events) {
            records.add(new IngestRecord(topic, event.key(), event.value(), now, request));
        }
        switch (buffer.offer(request, records)) {
            case FULL -> {
                retryLater(exchange, "buffer_full", "this task holds " + buffer.unacknowledged() + " events not yet acknowledged by Kafka "
                        + "(buffer.max.records=" + buffer.capacity() + "); retry after the Retry-After delay");
                return;
            }
            case CLOSED -> {
                retryLater(exchange, "stopping", "this task is stopping (connector paused, deleted or moved to another worker); retry");
                return;
            }
            case ACCEPTED -> {
                // wait for Kafka below
            }
        }
        PendingRequest.Outcome outcome = request.await(config.ackTimeoutMs());
        if (outcome.failure() != null) {
            retryLater(exchange, "not_acknowledged", outcome.failure());
        } else if (!outcome.complete()) {
            error(exchange, 504, "ack_timeout", "Kafka did not acknowledge all " + events.size() + " events within ack.timeout.ms="
                    + config.ackTimeoutMs() + " (" + outcome.written() + " so far); some may be written, a retry may duplicate them");
        } else {
            ObjectNode ok = JSON.createObjectNode().put("accepted", events.size()).put("topic", topic)
                    .put("written", outcome.written()).put("dropped", outcome.dropped());
            respond(exchange, 202, ok);
        }
    }

    private void health(HttpExchange exchange) throws IOException {
        drain(exchange);
        respond(exchange, 200, JSON.createObjectNode().put("status", "UP").put("port", config.taskPort())
                .put("unacknowledged", buffer.unacknowledged()).put("capacity", buffer.capacity()));
    }

    private static String presentedKey(HttpExchange exchange) {
        String key = exchange.getRequestHeaders().getFirst("X-API-Key");
        if (key != null) {
            return key;
        }
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return authorization.substring(7).trim();
        }
        return null;
    }

    /** The body, or null (and the rest read away, so that the client sees the answer) when over the limit. */
    private byte[] readBody(HttpExchange exchange) throws IOException {
        int max = config.maxRequestBytes();
        String declared = exchange.getRequestHeaders().getFirst("Content-Length");
        if (declared != null && parseLength(declared) > max) {
            drain(exchange);
            return null;
        }
        InputStream in = exchange.getRequestBody();
        byte[] body = in.readNBytes(max + 1);
        if (body.length > max) {
            drain(exchange);
            return null;
        }
        return body;
    }

    private static long parseLength(String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static void drain(HttpExchange exchange) throws IOException {
        InputStream in = exchange.getRequestBody();
        long skipped = 0;
        byte[] scratch = new byte[16 * 1024];
        int n;
        while (skipped < MAX_DRAIN_BYTES && (n = in.read(scratch)) > 0) {
            skipped += n;
        }
    }

    private void retryLater(HttpExchange exchange, String code, String message) throws IOException {
        exchange.getResponseHeaders().set("Retry-After", Integer.toString(config.retryAfterSeconds()));
        error(exchange, 503, code, message);
    }

    private static void error(HttpExchange exchange, int status, String code, String message) throws IOException {
        error(exchange, status, code, message, JSON.createObjectNode());
    }

    private static void error(HttpExchange exchange, int status, String code, String message, ObjectNode details) throws IOException {
        ObjectNode body = JSON.createObjectNode().put("error", code).put("message", message);
        body.setAll(details);
        respond(exchange, status, body);
    }

    private static void respond(HttpExchange exchange, int status, ObjectNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
