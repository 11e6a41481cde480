package io.rtdp.ksql.server.streaming;

import io.rtdp.ksql.engine.query.PushQuery;
import io.rtdp.ksql.engine.query.RestValues;
import io.rtdp.ksql.engine.query.ResultRow;
import io.rtdp.ksql.server.execution.ServerEngine;
import io.rtdp.ksql.server.query.QueryRuntime;
import io.rtdp.ksql.server.query.StreamsOverrides;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The push queries ({@code EMIT CHANGES}) running on this server, each its own Kafka Streams
 * application writing into one response. A query ends by LIMIT, client disconnect,
 * {@code /close-query} or failure; every end releases its state dir, internal topics and consumer
 * group (SPEC §3.1).
 */
public final class PushQueries implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PushQueries.class);

  private final ServerEngine engine;
  private final QueryRuntime runtime;
  private final Admin admin;
  private final int maxQueries;
  private final Map<String, Running> running = new ConcurrentHashMap<>();
  // Closing a Kafka Streams app waits for its threads, so it must not run on one of them (LIMIT).
  private final ExecutorService closer = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "push-query-close");
    t.setDaemon(true);
    return t;
  });

  public PushQueries(ServerEngine engine, QueryRuntime runtime, Admin admin, int maxQueries) {
    this.engine = engine;
    this.runtime = runtime;
    this.admin = admin;
    this.maxQueries = maxQueries;
  }

  /** Thrown when {@code ksql.max.push.queries} queries already run (error 40003). */
  public static final class TooManyQueries extends RuntimeException {
    TooManyQueries(int max) {
      super("Not executing query as the server has reached its limit of " + max + " push queries (ksql.max.push"
          + ".queries). Retry later or close other push queries.");
    }
  }

  /**
   * Plans the query, writes the header and starts it. Planning failures (KsqlException) are thrown
   * before anything was written, for the caller to answer as a statement error.
   */
  public void start(String selectText, Map<String, Object> properties, QueryStream out) {
    if (running.size() >= maxQueries) {
      throw new TooManyQueries(maxQueries);
    }
    Running r = new Running(out, selectText);
    PushQuery q = engine.read(e -> e.planPush(selectText, properties, r::deliver));
    Properties props = runtime.transientProperties(q.applicationId(), StreamsOverrides.of(properties));
    KafkaStreams streams = new KafkaStreams(q.topology(), props);
    if ("latest".equals(props.get("auto.offset.reset"))) {
      try {
        startAtEnd(q.applicationId(), q.sourceTopics());
      } catch (RuntimeException e) {
        streams.close();
        throw e;
      }
    }
    streams.setUncaughtExceptionHandler(e -> {
      LOG.error("Push query {} failed: {}", q.queryId(), e.getMessage(), e);
      r.fail(e);
      return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
    });
    r.attach(q, streams);
    running.put(q.queryId(), r);
    out.onClientGone(r::close);
    out.header(q.queryId(), q.columns());
    if (q.limit() != null && q.limit() <= 0) {
      r.limitReached();
    } else {
      streams.start();
      LOG.info("Started push query {} (application id {})", q.queryId(), q.applicationId());
    }
  }

  /** /close-query: false when no such query runs here. */
  public boolean close(String queryId) {
    Running r = running.get(queryId);
    if (r == null) {
      return false;
    }
    r.out.end(null);
    r.close();
    return true;
  }

  /** A push query running here, as SHOW QUERIES lists it. */
  public record Listed(String sql, PushQuery query) {}

  /** The push queries running on this server, oldest first. */
  public List<Listed> list() {
    return running.values().stream().filter(r -> r.query != null).sorted(Comparator.comparingLong(r -> r.started))
        .map(r -> new Listed(r.sql, r.query)).toList();
  }

  /**
   * TERMINATE of a push query running here (not distributed, SPEC §5.1): ends its response as
   * /close-query does and releases it. The id matches case-insensitively, as TERMINATE's ids do;
   * empty when no such query runs here.
   */
  public Optional<String> terminate(String queryId) {
    Optional<String> id = running.keySet().stream().filter(k -> k.equalsIgnoreCase(queryId)).findFirst();
    id.ifPresent(this::close);
    return id;
  }

  /**
   * "latest" taken literally at the moment the header is sent: the group starts from the current
   * end offsets, so every row produced after the client saw the header is delivered even though
   * the consumers join a moment later.
   */
  private void startAtEnd(String groupId, List<String> topics) {
    try {
      Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
      admin.describeTopics(topics).allTopicNames().get().forEach((name, d) -> d.partitions()
          .forEach(p -> latest.put(new TopicPartition(name, p.partition()), OffsetSpec.latest())));
      Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
      admin.listOffsets(latest).all().get().forEach((tp, o) -> offsets.put(tp, new OffsetAndMetadata(o.offset())));
      admin.alterConsumerGroupOffsets(groupId, offsets).all().get();
    } catch (ExecutionException e) {
      throw new IllegalStateException("Cannot read the end offsets of " + topics + ": " + e.getCause().getMessage(),
          e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while starting a push query", e);
    }
  }

  /** Ends every push query (server shutdown), releasing their resources. */
  @Override
  public void close() {
    new ArrayList<>(running.keySet()).forEach(this::close);
    closer.shutdown();
    try {
      closer.awaitTermination(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** One running push query: counts rows against LIMIT and ends exactly once. */
  private final class Running {
    private final QueryStream out;
    private final String sql;
    private final long started = System.nanoTime();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile PushQuery query;
    private volatile KafkaStreams streams;

    Running(QueryStream out, String sql) {
      this.out = out;
      this.sql = sql;
    }

    void attach(PushQuery q, KafkaStreams s) {
      this.query = q;
      this.streams = s;
    }

    /** Called on the stream threads: waits while the client reads slowly (backpressure). */
    void deliver(ResultRow row) {
      if (out.ended()) {
        close();
        return;
      }
      try {
        out.awaitWritable();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      Integer limit = query.limit();
      synchronized (this) {
        if (out.ended() || (limit != null && delivered.get() >= limit)) {
          return;
        }
        try {
          out.row(RestValues.row(row, query.columns()), row.tombstone());
        } catch (RuntimeException e) {
          // Thrown here it would kill the stream thread: end the query with the error instead.
          LOG.error("Push query {} cannot render a row: {}", query.queryId(), e.getMessage(), e);
          fail(e);
          return;
        }
        if (limit != null && delivered.incrementAndGet() >= limit) {
          limitReached();
        }
      }
    }

    void limitReached() {
      out.end("Limit Reached");
      close();
    }

    void fail(Throwable e) {
      out.fail(ErrorBodies.generic(50000, "The push query failed: " + e.getMessage()));
      close();
    }

    void close() {
      if (!closed.compareAndSet(false, true)) {
        return;
      }
      closer.execute(() -> {
        try {
          runtime.cleanup().release(query.queryId(), query.applicationId(), streams);
        } catch (RuntimeException e) {
          LOG.warn("Push query {} did not close cleanly: {}", query.queryId(), e.getMessage(), e);
        } finally {
          running.remove(query.queryId());
        }
      });
    }
  }
}
