package io.rtdp.ksql.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;

/**
 * A query's response read on its own thread from the moment the request is sent, handed over as
 * {@link QueryEvent}s: each row the moment its value is complete, then how it ended (the server's
 * end, an error in the stream, a refusal, a broken or unreachable server). The thread that consumes
 * them can be woken at once by {@link #cancel()} (Ctrl-C), even while the server has not answered
 * yet (PRINT of an idle topic) or between two rows that may never come. {@link #close()} stops a
 * push query that is still running on the server ({@code /close-query}) and drops the connection.
 */
public final class QueryStream implements AutoCloseable {
  private final KsqlClient client;
  private final String path;
  private final String request;
  private final CompletableFuture<HttpResponse<InputStream>> response;
  private final BlockingDeque<QueryEvent> events = new LinkedBlockingDeque<>();
  private volatile InputStream body;
  private volatile String queryId;
  private volatile boolean ended;
  private volatile boolean closed;

  QueryStream(KsqlClient client, String path, String request, CompletableFuture<HttpResponse<InputStream>> response,
      StreamFraming requested) {
    this.client = client;
    this.path = path;
    this.request = request;
    this.response = response;
    Thread reader = new Thread(() -> read(requested), "ksql-query-reader");
    reader.setDaemon(true);
    reader.start();
  }

  private void read(StreamFraming requested) {
    QueryEvent last = readResponse(requested);
    // Before the consumer can see the end: closing an ended stream must not ask the server to close it.
    ended = true;
    events.add(last);
  }

  /** Hands over the events of the response as they arrive; returns the last one. */
  private QueryEvent readResponse(StreamFraming requested) {
    HttpResponse<InputStream> answer;
    try {
      answer = response.get();
    } catch (ExecutionException e) {
      client.reached(false);
      return closed ? new QueryEvent.End() : new QueryEvent.Unreachable(
          new KsqlUnavailableException(client.server(), e.getCause()));
    } catch (InterruptedException | CancellationException e) {
      return new QueryEvent.End();
    }
    client.reached(true);
    body = answer.body();
    if (closed) {
      close();
      return new QueryEvent.End();
    }
    if (answer.statusCode() != 200) {
      try (InputStream in = body) {
        String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        return new QueryEvent.Rejected(KsqlClient.error(answer.statusCode(), text, path, request));
      } catch (IOException e) {
        return new QueryEvent.Unreachable(new KsqlUnavailableException(client.server(), e));
      }
    }
    StreamFraming framing = StreamFraming.of(answer.headers().firstValue("Content-Type").orElse(null), requested);
    try (InputStream in = body) {
      framing.read(in, this::handOver);
      return new QueryEvent.End();
    } catch (JsonEOFException e) {
      return closed ? new QueryEvent.End() : new QueryEvent.Broken("the response ended in the middle of the results");
    } catch (JsonProcessingException e) {
      return new QueryEvent.Broken("the server's answer is not readable: " + e.getOriginalMessage());
    } catch (IOException e) {
      return closed ? new QueryEvent.End() : new QueryEvent.Broken(String.valueOf(e.getMessage()));
    }
  }

  private void handOver(QueryEvent event) {
    if (event instanceof QueryEvent.Header h) {
      queryId = h.queryId();
    }
    events.add(event);
  }

  /** The next event, waiting for it; nothing is lost or reordered except that a cancel jumps the queue. */
  public QueryEvent next() throws InterruptedException {
    return events.take();
  }

  /** The next event, or null when none came within {@code wait}. */
  public QueryEvent next(Duration wait) throws InterruptedException {
    return events.poll(wait.toNanos(), TimeUnit.NANOSECONDS);
  }

  /** Makes {@link #next()} return {@link QueryEvent.Cancelled} before any event still queued. Safe from any thread. */
  public void cancel() {
    events.addFirst(new QueryEvent.Cancelled());
  }

  /**
   * Stops the query: a push query still running is closed on the server ({@code /close-query}, so
   * that it stops at once rather than when the server notices the dropped connection), and the
   * request or its connection, whichever exists by now, is dropped. Safe to call more than once.
   */
  @Override
  public void close() {
    boolean first = !closed;
    closed = true;
    String id = queryId;
    if (first && !ended && id != null) {
      client.closeQuery(id);
    }
    response.cancel(true);
    InputStream in = body;
    if (in != null) {
      try {
        in.close();
      } catch (IOException e) {
        // The connection is being thrown away; a failure to close it cleanly changes nothing.
      }
    }
  }
}
