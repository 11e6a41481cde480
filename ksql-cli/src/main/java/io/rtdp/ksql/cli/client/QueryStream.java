package io.rtdp.ksql.cli.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingDeque;

/**
 * A query's response read on its own thread, from the moment the request is sent: the thread that
 * prints can then be woken by Ctrl-C at once, even while the server has not answered yet (PRINT of
 * an idle topic) or between two rows that may never come.
 */
public final class QueryStream implements AutoCloseable {
  private final KsqlServerClient client;
  private final String path;
  private final CompletableFuture<HttpResponse<InputStream>> response;
  private final BlockingDeque<QueryEvent> events = new LinkedBlockingDeque<>();
  private volatile InputStream body;
  private volatile boolean closed;

  QueryStream(KsqlServerClient client, String path, CompletableFuture<HttpResponse<InputStream>> response,
      StreamFraming requested) {
    this.client = client;
    this.path = path;
    this.response = response;
    Thread reader = new Thread(() -> read(requested), "ksql-query-reader");
    reader.setDaemon(true);
    reader.start();
  }

  private void read(StreamFraming requested) {
    HttpResponse<InputStream> answer;
    try {
      answer = response.get();
    } catch (ExecutionException e) {
      client.reached(false);
      events.add(closed ? new QueryEvent.End() : new QueryEvent.Unreachable(new ServerUnreachableException(
          client.server(), e.getCause())));
      return;
    } catch (InterruptedException | CancellationException e) {
      events.add(new QueryEvent.End());
      return;
    }
    client.reached(true);
    body = answer.body();
    if (closed) {
      close();
      return;
    }
    if (answer.statusCode() != 200) {
      try (InputStream in = body) {
        String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        events.add(new QueryEvent.Rejected(KsqlServerClient.error(answer.statusCode(), text, path)));
      } catch (IOException e) {
        events.add(new QueryEvent.Unreachable(new ServerUnreachableException(client.server(), e)));
      }
      return;
    }
    StreamFraming framing = StreamFraming.of(answer.headers().firstValue("Content-Type").orElse(null), requested);
    try (InputStream in = body) {
      framing.read(in, events::add);
      events.add(new QueryEvent.End());
    } catch (JsonEOFException e) {
      events.add(closed ? new QueryEvent.End() : new QueryEvent.Broken("the response ended in the middle of the results"));
    } catch (JsonProcessingException e) {
      events.add(new QueryEvent.Broken("the server's answer is not readable: " + e.getOriginalMessage()));
    } catch (IOException e) {
      events.add(closed ? new QueryEvent.End() : new QueryEvent.Broken(String.valueOf(e.getMessage())));
    }
  }

  /** The next event, waiting for it; nothing is lost or reordered except that a cancel jumps the queue. */
  public QueryEvent next() throws InterruptedException {
    return events.take();
  }

  /** Makes {@link #next()} return {@link QueryEvent.Cancelled} before any row still queued. Safe from any thread. */
  public void cancel() {
    events.addFirst(new QueryEvent.Cancelled());
  }

  /**
   * Drops the request or its connection, whichever exists by now (the server then stops the query,
   * as when a ksqlDB client disconnects).
   */
  @Override
  public void close() {
    closed = true;
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
