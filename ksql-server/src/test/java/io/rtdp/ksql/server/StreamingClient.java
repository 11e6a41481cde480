package io.rtdp.ksql.server;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A streaming HTTP client as ksqlDB's clients use it: HTTP/1.1 (chunked) or HTTP/2 cleartext with
 * prior knowledge, reading the response as it arrives, able to send a body bit by bit and to
 * disconnect in the middle.
 */
public final class StreamingClient implements AutoCloseable {
  private final Vertx vertx = Vertx.vertx();
  private final URI url;

  public StreamingClient(String url) {
    this.url = URI.create(url);
  }

  /** One exchange on its own connection, so that {@link #disconnect} affects only it. */
  public final class Exchange {
    private final HttpClient client;
    private final HttpClientRequest request;
    private final StringBuilder received = new StringBuilder();
    private final CompletableFuture<Integer> status = new CompletableFuture<>();
    private final CompletableFuture<Void> ended = new CompletableFuture<>();
    private volatile String contentType;
    private volatile String version;

    private Exchange(HttpVersion protocol, String path, String accept) throws Exception {
      client = vertx.createHttpClient(new HttpClientOptions().setProtocolVersion(protocol)
          .setHttp2ClearTextUpgrade(false));
      request = client.request(HttpMethod.POST, url.getPort(), url.getHost(), path).toCompletionStage()
          .toCompletableFuture().get(10, TimeUnit.SECONDS);
      request.putHeader("Content-Type", "application/json");
      if (accept != null) {
        request.putHeader("Accept", accept);
      }
      request.setChunked(true);
      request.response().onSuccess(r -> {
        contentType = r.getHeader("Content-Type");
        version = r.version().name();
        status.complete(r.statusCode());
        r.handler(b -> {
          synchronized (received) {
            received.append(b.toString(StandardCharsets.UTF_8));
          }
        });
        r.endHandler(v -> ended.complete(null));
        r.exceptionHandler(ended::completeExceptionally);
      }).onFailure(e -> {
        status.completeExceptionally(e);
        ended.completeExceptionally(e);
      });
    }

    public Exchange write(String chunk) {
      request.write(chunk);
      return this;
    }

    public Exchange end() {
      request.end();
      return this;
    }

    public int status() throws Exception {
      return status.get(30, TimeUnit.SECONDS);
    }

    public String contentType() throws Exception {
      status();
      return contentType;
    }

    public String version() throws Exception {
      status();
      return version;
    }

    public String text() {
      synchronized (received) {
        return received.toString();
      }
    }

    /** The complete lines received so far. */
    public List<String> lines() {
      String t = text();
      List<String> out = new ArrayList<>(List.of(t.split("\n", -1)));
      out.remove(out.size() - 1);
      return out;
    }

    /** Waits until the received text satisfies the condition; fails with what arrived on timeout. */
    public Exchange await(Predicate<String> condition, Duration timeout) throws InterruptedException {
      long deadline = System.nanoTime() + timeout.toNanos();
      while (!condition.test(text())) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError("Timed out; received so far:\n" + text());
        }
        Thread.sleep(20);
      }
      return this;
    }

    /** Waits for the server to end the response and returns the whole body. */
    public String awaitEnd(Duration timeout) throws Exception {
      ended.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return text();
    }

    public boolean hasEnded() {
      return ended.isDone();
    }

    /** Drops the connection, as a client that goes away does. */
    public void disconnect() throws Exception {
      client.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
  }

  /** Starts a POST; write the body with {@link Exchange#write} and {@link Exchange#end}. */
  public Exchange open(HttpVersion protocol, String path, String accept) throws Exception {
    return new Exchange(protocol, path, accept);
  }

  /** A POST with the whole body at once. */
  public Exchange post(HttpVersion protocol, String path, String accept, String body) throws Exception {
    return open(protocol, path, accept).write(body).end();
  }

  @Override
  public void close() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }
}
