package io.rtdp.ksql.server.rest;

import io.rtdp.ksql.server.streaming.StreamingRoutes;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Vert.x HTTP server: HTTP/1.1 and HTTP/2 cleartext (prior knowledge or upgrade) on one port.
 * Requests run off the event loop; until the API is attached every endpoint answers 503.
 */
public final class KsqlHttpServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(KsqlHttpServer.class);

  private final Vertx vertx = Vertx.vertx();
  private final AtomicReference<RestApi> api = new AtomicReference<>();
  private final AtomicReference<StreamingRoutes> streaming = new AtomicReference<>();
  private HttpServer server;

  /** Listens and returns the bound port (a free one for port 0). */
  public int listen(String host, int port) {
    HttpServerOptions options = new HttpServerOptions().setHost(host).setPort(port).setHttp2ClearTextEnabled(true);
    server = vertx.createHttpServer(options).requestHandler(this::accept);
    try {
      return server.listen().toCompletionStage().toCompletableFuture().get().actualPort();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while opening " + host + ":" + port, e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("Cannot listen on " + host + ":" + port + " (" + e.getCause().getMessage()
          + "): is another process using the port? Change the listeners setting.", e.getCause());
    }
  }

  public void attach(RestApi restApi, StreamingRoutes streamingRoutes) {
    streaming.set(streamingRoutes);
    api.set(restApi);
  }

  /** The Vert.x instance serving the requests (the inserts stream hands rows to its workers). */
  public Vertx vertx() {
    return vertx;
  }

  private void accept(HttpServerRequest request) {
    String route = request.method().name() + " " + request.path();
    StreamingRoutes routes = streaming.get();
    if (routes != null && routes.serves(route)) {
      stream(routes, route, request);
      return;
    }
    withBody(request, body -> {
      String method = request.method().name();
      String path = request.path();
      RestApi current = api.get();
      if (current == null) {
        send(request, RestResponse.error(50302, "KSQL is not yet ready to serve requests: it is starting."));
        return;
      }
      vertx.executeBlocking(() -> current.handle(method, path, body), false).onComplete(done -> {
        if (done.succeeded()) {
          send(request, done.result());
        } else {
          LOG.error("Request {} {} failed", method, path, done.cause());
          send(request, RestResponse.error(50000, "The server encountered an internal error when processing the"
              + " request: " + done.cause().getMessage() + ". See the server log for details."));
        }
      });
    });
  }

  private void stream(StreamingRoutes routes, String route, HttpServerRequest request) {
    RestResponse unavailable = api.get().unavailable();
    if (unavailable != null) {
      send(request, unavailable);
      return;
    }
    if (routes.readsBody(route)) {
      routes.accept(request);
      return;
    }
    withBody(request, body -> {
      vertx.executeBlocking(() -> {
        routes.accept(route, request, body);
        return null;
      }, false).onFailure(e -> {
        LOG.error("Request {} failed", route, e);
        if (!request.response().headWritten()) {
          send(request, RestResponse.error(50000, "The server encountered an internal error when processing the"
              + " query. Please consult the server logs for more information."));
        }
      });
    });
  }

  /** Reads the whole request body, then hands it on; a body that cannot be read is answered 400. */
  private static void withBody(HttpServerRequest request, Consumer<String> then) {
    request.body().onComplete(read -> {
      if (read.failed()) {
        send(request, RestResponse.error(40000, "Cannot read the request body: " + read.cause().getMessage()));
        return;
      }
      then.accept(read.result().toString(StandardCharsets.UTF_8));
    });
  }

  private static void send(HttpServerRequest request, RestResponse response) {
    var out = request.response().setStatusCode(response.status()).putHeader("Content-Type", response.contentType());
    if (response.status() == 307) {
      out.putHeader("Location", response.body());
    }
    out.end(response.body());
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
