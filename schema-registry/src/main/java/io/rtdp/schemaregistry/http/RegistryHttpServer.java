package io.rtdp.schemaregistry.http;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.rtdp.schemaregistry.api.RestApi;
import io.rtdp.schemaregistry.api.RestResponse;
import io.rtdp.schemaregistry.cluster.LeaderForwarder;
import io.rtdp.schemaregistry.store.SchemaLog;
import io.rtdp.schemaregistry.store.StoreException;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;

/**
 * The HTTP side: Vert.x accepts requests (keep-alive, any content type clients send), runs them off
 * the event loop, answers reads from this instance and sends writes to the leader.
 */
public final class RegistryHttpServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RegistryHttpServer.class);
    static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

    private final RestApi api;
    private final SchemaLog log;
    private final BooleanSupplier isLeader;
    private final Supplier<Optional<String>> leaderUrl;
    private final LeaderForwarder forwarder;
    private final long timeoutMs;
    private final Vertx vertx = Vertx.vertx();
    private HttpServer server;
    private String selfUrl;

    public RegistryHttpServer(RestApi api, SchemaLog log, BooleanSupplier isLeader, Supplier<Optional<String>> leaderUrl,
                              LeaderForwarder forwarder, long timeoutMs) {
        this.api = api;
        this.log = log;
        this.isLeader = isLeader;
        this.leaderUrl = leaderUrl;
        this.forwarder = forwarder;
        this.timeoutMs = timeoutMs;
    }

    /** Listens and returns the port bound (the configured one, or a free one for port 0). */
    public int listen(String host, int port) {
        server = vertx.createHttpServer(new HttpServerOptions().setHost(host).setPort(port))
                .requestHandler(this::accept);
        try {
            return server.listen().toCompletionStage().toCompletableFuture().get().actualPort();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while opening " + host + ":" + port, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot listen on " + host + ":" + port + " (" + e.getCause()
                    + "): is another process using the port? change the listeners setting", e.getCause());
        }
    }

    /** The URL this instance announces when it leads; it never forwards to itself. */
    public void selfUrl(String url) {
        this.selfUrl = url;
    }

    private void accept(HttpServerRequest request) {
        request.body().onComplete(read -> {
            if (read.failed()) {
                send(request, RestApi.error(400, 400, "Cannot read the request body: " + read.cause()));
                return;
            }
            String body = read.result().toString(StandardCharsets.UTF_8);
            Map<String, String> query = new HashMap<>();
            request.params().forEach(e -> query.putIfAbsent(e.getKey(), e.getValue()));
            String method = request.method().name();
            List<String> path = segments(request.path());
            boolean forwarded = request.getHeader(LeaderForwarder.FORWARDED_HEADER) != null;
            String uri = request.uri();
            vertx.executeBlocking(() -> dispatch(method, path, query, body, uri, forwarded), false)
                    .onComplete(done -> send(request, done.succeeded() ? done.result()
                            : RestApi.error(500, 500, "Internal error: " + done.cause())));
        });
    }

    private RestResponse dispatch(String method, List<String> path, Map<String, String> query, String body,
                                  String uri, boolean forwarded) {
        if (path == null) {
            return RestApi.notFound();
        }
        if (!RestApi.isWrite(method, path) || isLeader.getAsBoolean()) {
            return api.handle(method, path, query, body);
        }
        if (forwarded) {
            return RestApi.error(500, 50003, "Error while forwarding the request to the leader: this instance ("
                    + selfUrl + ") is not the leader; retry, the registry group is electing one");
        }
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (true) {
            Optional<String> leader = awaitLeader(deadline);
            if (isLeader.getAsBoolean()) {
                return api.handle(method, path, query, body);
            }
            if (leader.isEmpty()) {
                return RestApi.error(500, 50003, "Error while forwarding the request to the leader: no registry instance"
                        + " has been elected leader within " + timeoutMs + " ms; check that one with leader.eligibility=true runs");
            }
            try {
                RestResponse answer = forwarder.forward(leader.get(), method, uri, body);
                if (answer.status() < 300) {
                    log.awaitCaughtUp(); // so that a read here right after the write sees it
                }
                return answer;
            } catch (IOException e) {
                // A leader that stopped or crashed stays announced until the group has elected another
                // (this instance, or one that announces itself): keep trying until the deadline.
                if (System.currentTimeMillis() > deadline) {
                    return RestApi.error(500, 50003, "Error while forwarding the request to the leader " + leader.get() + ": " + e);
                }
                pause(200);
            } catch (StoreException e) {
                return RestApi.error(500, 50002, "The leader wrote, but this instance did not read the write back in time: " + e.getMessage());
            }
        }
    }

    /** The leader's URL once known and not this instance's own stale announcement. */
    private Optional<String> awaitLeader(long deadline) {
        while (true) {
            Optional<String> url = leaderUrl.get().filter(u -> !u.equals(selfUrl));
            if (url.isPresent() || isLeader.getAsBoolean() || System.currentTimeMillis() > deadline) {
                return url;
            }
            if (!pause(50)) {
                return Optional.empty();
            }
        }
    }

    private static boolean pause(long millis) {
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The decoded path segments, or null when the path is not valid percent-encoding. */
    static List<String> segments(String rawPath) {
        List<String> segments = new ArrayList<>();
        for (String s : rawPath.split("/")) {
            if (!s.isEmpty()) {
                try {
                    // URLDecoder decodes '+' as a space, right for forms but not for paths.
                    segments.add(URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8));
                } catch (IllegalArgumentException e) {
                    return null;
                }
            }
        }
        return segments;
    }

    private static void send(HttpServerRequest request, RestResponse response) {
        request.response().setStatusCode(response.status()).putHeader("Content-Type", CONTENT_TYPE).end(response.body());
    }

    @Override
    public void close() {
        try {
            if (server != null) {
                server.close().toCompletionStage().toCompletableFuture().get();
            }
            vertx.close().toCompletionStage().toCompletableFuture().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            LOG.warn("Error while closing the HTTP server", e.getCause());
        }
    }
}
