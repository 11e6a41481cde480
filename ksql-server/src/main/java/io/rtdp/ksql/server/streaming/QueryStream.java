package io.rtdp.ksql.server.streaming;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.rtdp.ksql.engine.query.ResultColumn;
import io.rtdp.ksql.engine.query.ResultColumns;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One query's response in one of the {@link StreamFormat}s. Every header, row and final message is
 * its own write (its own HTTP/1.1 chunk or HTTP/2 data frame), sent as soon as it is produced, as
 * ksqlDB does; {@link #awaitWritable} lets the producing side wait while the client reads slowly.
 */
public final class QueryStream {
  static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServerResponse response;
  private final StreamFormat format;
  private boolean started;
  private volatile boolean ended;
  // Its own lock: the event loop reports the disconnect while a stream thread may be writing.
  private final Object goneLock = new Object();
  private Runnable whenClientGone = () -> { };
  private boolean clientGone;

  private QueryStream(HttpServerResponse response, StreamFormat format) {
    this.response = response;
    this.format = format;
  }

  /** Starts a 200 response with the given content type. */
  public static QueryStream open(HttpServerRequest request, StreamFormat format, String contentType) {
    HttpServerResponse response = request.response();
    response.setStatusCode(200).putHeader("Content-Type", contentType);
    if (request.version() != HttpVersion.HTTP_2) {
      response.setChunked(true);
    }
    QueryStream stream = new QueryStream(response, format);
    if (format == StreamFormat.TEXT) {
      // PRINT may wait long for its first record: the client learns at once that it is running.
      response.writeHead();
      stream.started = true;
    }
    response.closeHandler(v -> stream.clientGone());
    return stream;
  }

  /** The first element; the engine's columns say which are marked KEY in the StreamedRow schema. */
  public synchronized void header(String queryId, List<ResultColumn> columns) {
    switch (format) {
      case STREAMED_ROWS -> {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("queryId", queryId);
        header.put("schema", ResultColumns.schema(columns));
        write("[" + json(Map.of("header", header)));
      }
      case JSON_ARRAY -> write("[" + json(metadata(queryId, columns)));
      case DELIMITED -> write(json(metadata(queryId, columns)) + "\n");
      case TEXT -> throw new IllegalStateException("A text stream has no header");
    }
    started = true;
  }

  /** A result row, values already rendered for JSON; the new API's formats drop tombstones (SPEC §3.1). */
  public synchronized void row(ArrayNode values, boolean tombstone) {
    switch (format) {
      case STREAMED_ROWS -> {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("columns", values);
        if (tombstone) {
          row.put("tombstone", true);
        }
        write(",\n" + json(Map.of("row", row)));
      }
      case JSON_ARRAY -> {
        if (!tombstone) {
          write("," + json(values));
        }
      }
      case DELIMITED -> {
        if (!tombstone) {
          write(json(values) + "\n");
        }
      }
      case TEXT -> throw new IllegalStateException("A text stream has no rows");
    }
  }

  /** Ends the response; {@code finalMessage} ("Limit Reached", "Query Completed") only exists in StreamedRows. */
  public synchronized void end(String finalMessage) {
    if (ended) {
      return;
    }
    switch (format) {
      case STREAMED_ROWS -> write(finalMessage == null ? "]" : ",\n" + json(Map.of("finalMessage", finalMessage)) + "]");
      case JSON_ARRAY -> write("]");
      case DELIMITED, TEXT -> { }
    }
    ended = true;
    response.end();
  }

  /** A failure after the header: written as the last element (SPEC §4.4 errorMessage, §4.5 error line). */
  public synchronized void fail(Map<String, Object> error) {
    if (ended) {
      return;
    }
    if (!started) {
      ended = true;
      response.setStatusCode((Integer) error.get("error_code") / 100).putHeader("Content-Type", "application/json")
          .end(json(error));
      return;
    }
    switch (format) {
      case STREAMED_ROWS -> write(",\n" + json(Map.of("errorMessage", error)) + "]");
      case JSON_ARRAY -> write("," + json(error) + "]");
      case DELIMITED, TEXT -> write(json(error) + "\n");
    }
    ended = true;
    response.end();
  }

  /** What to do when the client disconnects before the response ended (at once if it already has). */
  public void onClientGone(Runnable action) {
    boolean gone;
    synchronized (goneLock) {
      whenClientGone = action;
      gone = clientGone;
    }
    if (gone) {
      action.run();
    }
  }

  private void clientGone() {
    Runnable action;
    synchronized (goneLock) {
      ended = true;
      clientGone = true;
      action = whenClientGone;
    }
    action.run();
  }

  /** True once the response ended or the client went away: the producer should stop. */
  public boolean ended() {
    return ended;
  }

  /**
   * Blocks the calling (producing) thread while the response's write queue is full, so a slow
   * client pauses the query instead of filling the server's memory.
   */
  public void awaitWritable() throws InterruptedException {
    while (!ended && response.writeQueueFull()) {
      CountDownLatch drained = new CountDownLatch(1);
      response.drainHandler(v -> drained.countDown());
      if (!response.writeQueueFull()) {
        return;
      }
      drained.await(200, TimeUnit.MILLISECONDS);
    }
  }

  /** Raw text (PRINT): one write per call. */
  public synchronized void text(String text) {
    write(text);
    started = true;
  }

  private void write(String text) {
    if (!ended) {
      response.write(Buffer.buffer(text));
    }
  }

  private static Map<String, Object> metadata(String queryId, List<ResultColumn> columns) {
    List<String> names = new ArrayList<>();
    List<String> types = new ArrayList<>();
    for (ResultColumn c : columns) {
      names.add(c.name());
      types.add(c.type().toString());
    }
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("queryId", queryId);
    meta.put("columnNames", names);
    meta.put("columnTypes", types);
    return meta;
  }

  static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot render a query result as JSON", e);
    }
  }
}
