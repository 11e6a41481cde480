package io.rtdp.query.ksql;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscriber;
import java.net.http.HttpResponse.BodySubscribers;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.pool.PoolConcurrencyPolicy;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small client of the KSQL server's {@code POST /query-stream} and {@code POST /close-query}
 * (SPEC §4.5) and of {@code POST /ksql} for statements, over HTTP/1.1 with pooled keep-alive
 * connections. (The JDK client speaks cleartext HTTP/2 only through an upgrade, which SPEC §4.1
 * does not promise.) Pull queries and statements are short: they run on the calling thread through
 * Apache HttpClient's blocking client (the JDK client hands every answer over twice between its
 * own threads, which on a busy machine costs more than the pull query itself); push queries stream
 * for as long as a browser listens, through the JDK client. Every wait is bounded by the configured
 * timeout: for pull queries and statements getting a pooled connection, connecting, and each wait
 * for answer bytes; for push queries the whole wait up to their metadata.
 */
public final class KsqlClient implements Closeable {
    private static final String DELIMITED = "application/vnd.ksqlapi.delimited.v1";
    private static final String KSQL_V1 = "application/vnd.ksql.v1+json";
    private static final Logger LOG = LoggerFactory.getLogger(KsqlClient.class);
    /** A key lookup's answer fits; longer ones grow the buffer. */
    private static final int ANSWER_BUFFER = 512;

    private final URI url;
    private final URI queryStream;
    private final URI closeQuery;
    private final URI statements;
    private final Duration timeout;
    private final HttpClient http;
    private final CloseableHttpClient shortRequests;
    private final ObjectMapper json;
    private final QueryStreamLines lines;

    /** @param requestThreads how many threads may ask at once: each can hold a pooled connection */
    public KsqlClient(KsqlConfiguration configuration, ObjectMapper json, int requestThreads) {
        this.url = configuration.url();
        this.queryStream = url.resolve("/query-stream");
        this.closeQuery = url.resolve("/close-query");
        this.statements = url.resolve("/ksql");
        this.timeout = Duration.ofMillis(configuration.timeout().toMilliseconds());
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
        this.shortRequests = blockingClient(url, timeout, requestThreads);
        this.json = json;
        this.lines = new QueryStreamLines(json);
    }

    private static CloseableHttpClient blockingClient(URI url, Duration timeout, int requestThreads) {
        if (!"http".equalsIgnoreCase(url.getScheme()) || url.getHost() == null) {
            throw new IllegalArgumentException("ksql.url must be an http:// URL with a host, not " + url);
        }
        Timeout bound = Timeout.ofMilliseconds(timeout.toMillis());
        return HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        // One route only: the lax pool hands out connections without a pool-wide lock.
                        .setPoolConcurrencyPolicy(PoolConcurrencyPolicy.LAX)
                        .setMaxConnTotal(requestThreads)
                        .setMaxConnPerRoute(requestThreads)
                        .setDefaultSocketConfig(SocketConfig.custom().setTcpNoDelay(true).build())
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(bound)
                                .setSocketTimeout(bound)
                                .build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectionRequestTimeout(bound)
                        .setResponseTimeout(bound)
                        .build())
                .setRetryStrategy(new ResendOnceUnanswered())
                .disableRedirectHandling()
                .disableCookieManagement()
                .disableAuthCaching()
                .disableContentCompression()
                .build();
    }

    public URI url() {
        return url;
    }

    @Override
    public void close() throws IOException {
        shortRequests.close();
    }

    /** An answer to a short request: its status and its body as text. */
    private record Answer(int status, String body) {
    }

    /**
     * POSTs the body and reads the whole answer on this thread.
     *
     * @throws KsqlUnavailableException when the server cannot be reached or does not answer in time
     */
    private Answer post(URI uri, String contentType, String accept, byte[] body) {
        HttpPost post = new HttpPost(uri);
        post.setHeader("Accept", accept);
        post.setEntity(new ByteArrayEntity(body, ContentType.create(contentType)));
        try {
            return shortRequests.execute(post, response -> new Answer(response.getCode(), text(response.getEntity())));
        } catch (IOException e) {
            throw KsqlUnavailableException.of(url, timeout, e);
        }
    }

    /**
     * The body as text, read through a buffer of the size of a typical answer: EntityUtils.toString
     * allocates some 24 KB of buffers per call (a 4096-char builder, a 4096-char read buffer, the
     * decoder's 8 KB), four times what a key lookup's whole exchange otherwise allocates.
     */
    private static String text(HttpEntity entity) throws IOException {
        if (entity == null) {
            return "";
        }
        try (InputStream in = entity.getContent()) {
            ByteArrayOutputStream body = new ByteArrayOutputStream(ANSWER_BUFFER);
            byte[] buffer = new byte[ANSWER_BUFFER];
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                body.write(buffer, 0, read);
            }
            return body.toString(StandardCharsets.UTF_8);
        }
    }

    /**
     * Runs a pull query and reads its whole answer.
     *
     * @throws KsqlUnavailableException when the server cannot be reached or the answer is not complete within the timeout
     * @throws KsqlErrorException when the server refuses or fails the query
     */
    public PullResult pull(String sql) {
        Answer response = post(queryStream, "application/json", DELIMITED, body(queryBody(sql)));
        if (response.status() != 200) {
            throw new KsqlErrorException(lines.refusal(response.status(), response.body()));
        }
        QueryMetadata metadata = null;
        List<ObjectNode> rows = new ArrayList<>();
        for (String line : response.body().split("\n")) {
            QueryStreamLines.Line parsed = lines.parse(line);
            if (parsed instanceof QueryStreamLines.Failure failure) {
                throw new KsqlErrorException(failure.error());
            } else if (parsed instanceof QueryStreamLines.Metadata first && metadata == null) {
                metadata = first.metadata();
            } else if (parsed instanceof QueryStreamLines.Row row && metadata != null) {
                rows.add(lines.row(metadata, row.values()));
            } else if (parsed != null) {
                throw new IllegalArgumentException("the KSQL server answered a pull query out of order: " + line);
            }
        }
        if (metadata == null) {
            throw new IllegalArgumentException("the KSQL server answered a pull query without metadata");
        }
        return new PullResult(metadata, rows);
    }

    /**
     * Runs statements on {@code POST /ksql} (SHOW, DESCRIBE, …) and returns its entities.
     *
     * @throws KsqlUnavailableException when the server cannot be reached or does not answer within the timeout
     * @throws KsqlErrorException when the server refuses a statement
     */
    public JsonNode statements(String ksql) {
        Answer response = post(statements, KSQL_V1, KSQL_V1, body(Map.of("ksql", ksql, "streamsProperties", Map.of())));
        if (response.status() != 200) {
            throw new KsqlErrorException(lines.refusal(response.status(), response.body()));
        }
        try {
            return json.readTree(response.body());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the KSQL server answered statements with something not JSON", e);
        }
    }

    /**
     * Starts a push query; returns once its metadata arrived, rows then flow to the listener.
     *
     * @throws KsqlUnavailableException when the server cannot be reached or sends no metadata within the timeout
     * @throws KsqlErrorException when the server refuses the query
     */
    public PushQuery push(String sql, PushListener listener) {
        long deadline = System.nanoTime() + timeout.toNanos();
        PushStream stream = new PushStream(lines, listener);
        HttpResponse<Optional<String>> response = await(http.sendAsync(queryRequest(sql), info -> info.statusCode() == 200
                ? new StreamingBody(BodySubscribers.fromLineSubscriber(stream))
                : BodySubscribers.mapping(BodySubscribers.ofString(StandardCharsets.UTF_8), Optional::of)), timeout.toNanos());
        if (response.statusCode() != 200) {
            throw new KsqlErrorException(lines.refusal(response.statusCode(), response.body().orElse("")));
        }
        QueryMetadata metadata;
        try {
            metadata = await(stream.metadata(), deadline - System.nanoTime());
        } catch (RuntimeException e) {
            stream.cancel();
            throw e;
        }
        return new RunningPushQuery(metadata, stream);
    }

    private HttpRequest queryRequest(String sql) {
        return post(queryStream, queryBody(sql)).header("Accept", DELIMITED).build();
    }

    /** No session variables: the statement is sent as built, nothing in it is substituted (SPEC §1.1). */
    private static Map<String, Object> queryBody(String sql) {
        return Map.of("sql", sql, "properties", Map.of(), "sessionVariables", Map.of());
    }

    private HttpRequest.Builder post(URI uri, Object body) {
        return HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body(body)));
    }

    private byte[] body(Object body) {
        try {
            return json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings is always serializable", e);
        }
    }

    /** The future's value within the time left; past it the request is abandoned and the server counts as unavailable. */
    private <T> T await(Future<T> answer, long nanosLeft) {
        try {
            return answer.get(Math.max(0, nanosLeft), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            answer.cancel(true);
            throw new KsqlUnavailableException("the KSQL server at " + url + " did not answer within " + timeout.toMillis()
                    + " ms", e);
        } catch (InterruptedException e) {
            answer.cancel(true);
            Thread.currentThread().interrupt();
            throw new KsqlUnavailableException("interrupted while waiting for the KSQL server at " + url, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw KsqlUnavailableException.of(url, timeout, io);
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(cause);
        }
    }

    private final class RunningPushQuery implements PushQuery {
        private final QueryMetadata metadata;
        private final PushStream stream;
        private final AtomicBoolean closed = new AtomicBoolean();

        RunningPushQuery(QueryMetadata metadata, PushStream stream) {
            this.metadata = metadata;
            this.stream = stream;
        }

        @Override
        public QueryMetadata metadata() {
            return metadata;
        }

        @Override
        public void close() {
            if (!closed.compareAndSet(false, true)) {
                return;
            }
            if (metadata.queryId() == null) {
                stream.cancel();
                return;
            }
            // Asked by its id first, the cleaner end; dropping the stream afterwards ends it anyway
            // (the server stops a push query whose client went away), also when the ask failed.
            http.sendAsync(post(closeQuery, Map.of("queryId", metadata.queryId())).build(),
                            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                    .whenComplete((response, failure) -> {
                        if (failure != null) {
                            LOG.warn("could not close push query {} at {}: {}", metadata.queryId(), url, failure.toString());
                        } else if (response.statusCode() != 200) {
                            LOG.warn("closing push query {} at {}: {}", metadata.queryId(), url,
                                    lines.refusal(response.statusCode(), response.body()));
                        }
                        stream.cancel();
                    });
        }
    }

    /**
     * Hands the response over as soon as its headers are in (an empty body value), while the lines
     * keep flowing to the push stream: a push query's answer never completes by itself.
     */
    private static final class StreamingBody implements BodySubscriber<Optional<String>> {
        private final BodySubscriber<Void> lines;

        StreamingBody(BodySubscriber<Void> lines) {
            this.lines = lines;
        }

        @Override
        public CompletionStage<Optional<String>> getBody() {
            return CompletableFuture.completedFuture(Optional.empty());
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            lines.onSubscribe(subscription);
        }

        @Override
        public void onNext(List<ByteBuffer> item) {
            lines.onNext(item);
        }

        @Override
        public void onError(Throwable throwable) {
            lines.onError(throwable);
        }

        @Override
        public void onComplete() {
            lines.onComplete();
        }
    }
}
