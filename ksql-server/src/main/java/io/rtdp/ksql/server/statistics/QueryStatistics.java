package io.rtdp.ksql.server.statistics;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.metrics.stats.Rate;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The runtime statistics of the persistent queries this server runs: per query and topic, the
 * records consumed and produced and the records that failed, each with a total, a rate over the
 * last minute and the time of the last one. Counted by interceptors in the queries' Kafka
 * clients and by the processing log, so nothing is added to the query topologies.
 */
public final class QueryStatistics implements AutoCloseable {
  /** What happened to the records a counter counts. */
  enum Kind { CONSUMED, PRODUCED, FAILED }

  private record Key(String queryId, String topic, Kind kind) {}

  /** One counter: its rate comes from a Kafka metrics sensor, which keeps a sliding window of samples. */
  private static final class Counter {
    final LongAdder messages = new LongAdder();
    final LongAdder bytes = new LongAdder();
    final Sensor sensor;
    final MetricName rate;
    volatile long lastMillis;

    Counter(Metrics metrics, Key key) {
      String name = key.kind() + ":" + key.queryId() + ":" + key.topic();
      sensor = metrics.sensor(name);
      rate = metrics.metricName("rate-" + name, "ksql-query-statistics");
      sensor.add(rate, new Rate());
    }

    void record(int count, long size) {
      messages.add(count);
      bytes.add(size);
      lastMillis = System.currentTimeMillis();
      sensor.record(count);
    }
  }

  /** A failure of the query itself (a stream thread died), as EXPLAIN's {@code queryErrors} lists them. */
  public record QueryError(long timestamp, String errorMessage) {}

  /** The last failures of a query kept: enough to see what went wrong, bounded for a query that keeps failing. */
  private static final int ERRORS_KEPT = 10;

  private final Metrics metrics = new Metrics();
  private final Map<Key, Counter> counters = new ConcurrentHashMap<>();
  private final Map<String, Deque<QueryError>> queryErrors = new ConcurrentHashMap<>();

  /** The settings that make a query's Kafka Streams count its records here. */
  public Map<String, Object> streamsProperties(String queryId) {
    QueryTap tap = new QueryTap(queryId, this);
    return Map.of(
        StreamsConfig.mainConsumerPrefix(ConsumerConfig.INTERCEPTOR_CLASSES_CONFIG),
        ConsumedRecordsCounter.class.getName(),
        StreamsConfig.mainConsumerPrefix(QueryTap.CONFIG), tap,
        StreamsConfig.producerPrefix(ProducerConfig.INTERCEPTOR_CLASSES_CONFIG),
        ProducedRecordsCounter.class.getName(),
        StreamsConfig.producerPrefix(QueryTap.CONFIG), tap);
  }

  void consumed(String queryId, String topic, int count, long bytes) {
    counter(queryId, topic, Kind.CONSUMED).record(count, bytes);
  }

  void produced(String queryId, String topic) {
    counter(queryId, topic, Kind.PRODUCED).record(1, 0);
  }

  /** A record of the query failed; {@code topic} is where it was read or written, null when unknown. */
  public void failed(String queryId, String topic) {
    counter(queryId, topic, Kind.FAILED).record(1, 0);
  }

  /** The query itself failed: a stream thread died with this message. */
  public void queryFailed(String queryId, String errorMessage) {
    Deque<QueryError> errors = queryErrors.computeIfAbsent(queryId, id -> new ArrayDeque<>());
    synchronized (errors) {
      errors.addLast(new QueryError(System.currentTimeMillis(), errorMessage));
      while (errors.size() > ERRORS_KEPT) {
        errors.removeFirst();
      }
    }
  }

  /** The query's failures, oldest first. */
  public List<QueryError> queryErrors(String queryId) {
    Deque<QueryError> errors = queryErrors.get(queryId);
    if (errors == null) {
      return List.of();
    }
    synchronized (errors) {
      return List.copyOf(errors);
    }
  }

  /**
   * DESCRIBE EXTENDED's {@code statistics} of a topic: the given queries' traffic on it, consumed
   * ({@code consumer-*}) and produced; empty when none of them touched it.
   */
  public String topicStatistics(String topic, Collection<String> queryIds) {
    List<String> parts = new ArrayList<>();
    Totals consumed = totals(queryIds, topic, Kind.CONSUMED);
    if (consumed.messages() > 0) {
      parts.add(stat("consumer-messages-per-sec", rate(consumed.rate())));
      parts.add(stat("consumer-total-bytes", consumed.bytes()));
      parts.add(stat("consumer-total-messages", consumed.messages()));
    }
    Totals produced = totals(queryIds, topic, Kind.PRODUCED);
    if (produced.messages() > 0) {
      parts.add(stat("messages-per-sec", rate(produced.rate())));
      parts.add(stat("total-messages", produced.messages()));
    }
    long last = Math.max(consumed.lastMillis(), produced.lastMillis());
    if (last > 0) {
      parts.add(stat("last-message", Instant.ofEpochMilli(last)));
    }
    return String.join(" ", parts);
  }

  /** DESCRIBE EXTENDED's {@code errorStats} of a topic: records read from or written to it that failed. */
  public String topicErrorStatistics(String topic, Collection<String> queryIds) {
    return failures("consumer-", totals(queryIds, topic, Kind.FAILED));
  }

  /** A query's {@code statistics}: what it read from its source topics and wrote to its sink topic. */
  public String queryStatistics(String queryId, Collection<String> sourceTopics, String sinkTopic) {
    List<String> ids = List.of(queryId);
    Totals consumed = Totals.NONE;
    for (String topic : sourceTopics) {
      consumed = consumed.plus(totals(ids, topic, Kind.CONSUMED));
    }
    Totals produced = totals(ids, sinkTopic, Kind.PRODUCED);
    if (consumed.messages() == 0 && produced.messages() == 0) {
      return "";
    }
    long last = Math.max(consumed.lastMillis(), produced.lastMillis());
    return String.join(" ", stat("consumer-messages-per-sec", rate(consumed.rate())),
        stat("consumer-total-bytes", consumed.bytes()), stat("consumer-total-messages", consumed.messages()),
        stat("messages-per-sec", rate(produced.rate())), stat("total-messages", produced.messages()),
        stat("last-message", Instant.ofEpochMilli(last)));
  }

  /** A query's {@code errorStats}: every record it reported to the processing log. */
  public String queryErrorStatistics(String queryId) {
    Totals failed = Totals.NONE;
    for (Map.Entry<Key, Counter> e : counters.entrySet()) {
      if (e.getKey().queryId().equals(queryId) && e.getKey().kind() == Kind.FAILED) {
        failed = failed.plus(Totals.of(metrics, e.getValue()));
      }
    }
    return failures("", failed);
  }

  private static String failures(String prefix, Totals failed) {
    if (failed.messages() == 0) {
      return "";
    }
    return String.join(" ", stat(prefix + "failed-messages", failed.messages()),
        stat(prefix + "failed-messages-per-sec", rate(failed.rate())),
        stat("last-failed", Instant.ofEpochMilli(failed.lastMillis())));
  }

  private Totals totals(Collection<String> queryIds, String topic, Kind kind) {
    Totals t = Totals.NONE;
    for (String id : queryIds) {
      Counter c = counters.get(new Key(id, topic, kind));
      if (c != null) {
        t = t.plus(Totals.of(metrics, c));
      }
    }
    return t;
  }

  private Counter counter(String queryId, String topic, Kind kind) {
    Key key = new Key(Objects.requireNonNull(queryId), topic, kind);
    return counters.computeIfAbsent(key, k -> new Counter(metrics, k));
  }

  private record Totals(long messages, long bytes, double rate, long lastMillis) {
    static final Totals NONE = new Totals(0, 0, 0, 0);

    static Totals of(Metrics metrics, Counter c) {
      Object rate = metrics.metric(c.rate).metricValue();
      return new Totals(c.messages.sum(), c.bytes.sum(), rate instanceof Double d ? d : 0, c.lastMillis);
    }

    Totals plus(Totals o) {
      return new Totals(messages + o.messages, bytes + o.bytes, rate + o.rate, Math.max(lastMillis, o.lastMillis));
    }
  }

  private static String rate(double perSecond) {
    return String.format(Locale.ROOT, "%.2f", perSecond);
  }

  // Name, colon, value right-aligned: the statistics line stays readable in the CLI's DESCRIBE output.
  private static String stat(String name, Object value) {
    return String.format(Locale.ROOT, "%s:%10s", name, value);
  }

  @Override
  public void close() {
    metrics.close();
  }
}
