package io.rtdp.ksql.server.streaming;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.rtdp.ksql.engine.KsqlException;
import io.rtdp.ksql.engine.metastore.DataSource;
import io.rtdp.ksql.server.execution.ServerEngine;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /inserts-stream} (SPEC §4.7): the request body is read line by line as it arrives;
 * each row is inserted (committed to Kafka) and acknowledged on its own line at once. Rows are
 * handled in order, off the event loop; reading pauses while too many rows wait.
 */
public final class InsertsStream {
  private static final Logger LOG = LoggerFactory.getLogger(InsertsStream.class);
  private static final int MAX_WAITING = 64;

  private final Vertx vertx;
  private final ServerEngine engine;

  public InsertsStream(Vertx vertx, ServerEngine engine) {
    this.vertx = vertx;
    this.engine = engine;
  }

  /** Called on the event loop before any of the body was read. */
  public void handle(HttpServerRequest request) {
    if (request.version() != HttpVersion.HTTP_2) {
      request.response().setStatusCode(400).putHeader("Content-Type", "application/json")
          .end(QueryStream.json(ErrorBodies.generic(40004, "This endpoint is only available when using HTTP2")));
      return;
    }
    String accept = request.getHeader("Accept");
    boolean jsonArray = accept != null && accept.contains("application/json")
        && !accept.contains("application/vnd.ksqlapi.delimited.v1");
    new Exchange(request, jsonArray).start();
  }

  /** One request: splits the body into lines and chains their handling. */
  private final class Exchange {
    private final HttpServerRequest request;
    private final HttpServerResponse response;
    private final boolean jsonArray;
    private Buffer partial = Buffer.buffer();
    private Future<Void> tail = Future.succeededFuture();
    private int waiting;
    private boolean paused;
    private DataSource target;
    private long seq;
    private boolean started;
    private boolean finished;

    Exchange(HttpServerRequest request, boolean jsonArray) {
      this.request = request;
      this.response = request.response();
      this.jsonArray = jsonArray;
    }

    void start() {
      request.handler(this::chunk);
      request.endHandler(v -> {
        if (partial.length() > 0) {
          line(partial);
        }
        tail = tail.onComplete(done -> finish());
      });
      request.exceptionHandler(e -> finished = true);
    }

    private void chunk(Buffer data) {
      partial.appendBuffer(data);
      int from = 0;
      for (int i = 0; i < partial.length(); i++) {
        if (partial.getByte(i) == '\n') {
          line(partial.getBuffer(from, i));
          from = i + 1;
        }
      }
      partial = partial.getBuffer(from, partial.length());
    }

    private void line(Buffer line) {
      String text = line.toString(StandardCharsets.UTF_8).trim();
      if (text.isEmpty()) {
        return;
      }
      if (++waiting > MAX_WAITING && !paused) {
        paused = true;
        request.pause();
      }
      tail = tail.compose(v -> finished ? Future.succeededFuture()
          : vertx.executeBlocking(() -> handleLine(text), true).<Void>map(ack -> {
            write(ack);
            return null;
          }).recover(e -> {
            fail(e);
            return Future.<Void>succeededFuture();
          }).onComplete(done -> {
            waiting--;
            if (paused && waiting < MAX_WAITING / 2) {
              paused = false;
              request.resume();
            }
          }));
    }

    /** Returns the ack to write, or null for the arguments line. */
    private Map<String, Object> handleLine(String text) {
      JsonNode node;
      try {
        node = QueryStream.JSON.readTree(text);
      } catch (JsonProcessingException e) {
        throw target == null ? new RowFailure(40000, "Invalid JSON in inserts stream")
            : new RowFailure(40000, "Invalid JSON in inserts stream", seq++);
      }
      if (target == null) {
        target = target(node);
        return null;
      }
      long rowSeq = seq++;
      try {
        engine.insert(InsertRow.of(target, node));
      } catch (KsqlException e) {
        if (e.getCause() instanceof KafkaException) {
          LOG.error("Inserts into {} failed", target.name(), e);
          throw new RowFailure(50000, "Error in processing inserts. Check server logs for details.", rowSeq);
        }
        throw new RowFailure(40000, e.getMessage(), rowSeq);
      }
      Map<String, Object> ack = new LinkedHashMap<>();
      ack.put("status", "ok");
      ack.put("seq", rowSeq);
      return ack;
    }

    private DataSource target(JsonNode args) {
      if (!args.path("target").isTextual()) {
        throw new RowFailure(40000, "The first line of an inserts stream must be {\"target\": \"<stream>\","
            + " \"properties\": {}}");
      }
      String name = args.get("target").asText();
      DataSource source = engine.read(e -> e.metaStore().source(name)
          .or(() -> e.metaStore().sources().stream().filter(s -> s.name().equalsIgnoreCase(name)).findFirst()))
          .orElseThrow(() -> new RowFailure(40000, "Cannot insert into unknown stream: " + name));
      if (source.isTable()) {
        throw new RowFailure(40000, "Cannot insert into a table: " + source.name()
            + ". Inserts streams only insert into streams.");
      }
      if (source.readOnly()) {
        throw new RowFailure(40000, "Cannot insert into read-only stream: " + source.name());
      }
      return source;
    }

    private void write(Map<String, Object> ack) {
      if (ack == null || finished) {
        return;
      }
      begin();
      response.write((jsonArray ? (seq > 1 ? "," : "") : "") + QueryStream.json(ack) + (jsonArray ? "" : "\n"));
    }

    private void begin() {
      if (!started) {
        started = true;
        response.setStatusCode(200).putHeader("Content-Type", jsonArray ? "application/json"
            : StreamFormat.DELIMITED.mediaType());
        if (jsonArray) {
          response.write("[");
        }
      }
    }

    private void fail(Throwable e) {
      if (finished) {
        return;
      }
      Map<String, Object> body;
      if (e instanceof RowFailure f) {
        body = ErrorBodies.generic(f.code, f.getMessage());
        if (f.seq != null) {
          body.put("status", "error");
          body.put("seq", f.seq);
        }
      } else {
        LOG.error("Inserts stream failed", e);
        body = ErrorBodies.generic(50000, "Error in processing inserts. Check server logs for details.");
      }
      if (!started && target == null) {
        // The arguments were refused: a plain error response.
        finished = true;
        response.setStatusCode((Integer) body.get("error_code") / 100).putHeader("Content-Type", "application/json")
            .end(QueryStream.json(body));
        return;
      }
      begin();
      response.write((jsonArray ? (seq > 1 ? "," : "") : "") + QueryStream.json(body) + (jsonArray ? "]" : "\n"));
      finished = true;
      response.end();
    }

    private void finish() {
      if (finished) {
        return;
      }
      finished = true;
      begin();
      response.end(jsonArray ? "]" : "");
    }
  }

  /** A row or argument that cannot be inserted; {@code seq} is null for the arguments line. */
  private static final class RowFailure extends RuntimeException {
    private final int code;
    private final Long seq;

    RowFailure(int code, String message) {
      this(code, message, null);
    }

    RowFailure(int code, String message, Long seq) {
      super(message);
      this.code = code;
      this.seq = seq;
    }
  }
}
