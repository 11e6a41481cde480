package io.rtdp.ksql.server.streaming;

import io.rtdp.ksql.server.pull.TablePullQueries;
import io.vertx.core.http.HttpServerRequest;

/**
 * The endpoints that answer with a stream, or (inserts) read one: they get the Vert.x request
 * itself instead of a finished response.
 */
public final class StreamingRoutes {
  private final QueryEndpoints queries;
  private final InsertsStream inserts;

  public StreamingRoutes(QueryEndpoints queries, InsertsStream inserts) {
    this.queries = queries;
    this.inserts = inserts;
  }

  /** {@code route} is "METHOD /path". */
  public boolean serves(String route) {
    return switch (route) {
      case "POST /query", "POST /query-stream", "POST /close-query", "POST /inserts-stream",
          "POST " + TablePullQueries.INTERNAL_PATH -> true;
      default -> false;
    };
  }

  /** True for the route that reads the request body itself, as it arrives. */
  public boolean readsBody(String route) {
    return route.equals("POST /inserts-stream");
  }

  /** For {@link #readsBody} routes; called on the event loop. */
  public void accept(HttpServerRequest request) {
    inserts.handle(request);
  }

  /** For the other routes, with the whole body; called off the event loop (it may block). */
  public void accept(String route, HttpServerRequest request, String body) {
    switch (route) {
      case "POST /query" -> queries.query(request, body);
      case "POST /query-stream" -> queries.queryStream(request, body);
      case "POST /close-query" -> queries.closeQuery(request, body);
      default -> queries.internalPull(request, body);
    }
  }
}
