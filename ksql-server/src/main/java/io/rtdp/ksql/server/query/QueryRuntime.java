package io.rtdp.ksql.server.query;

import io.rtdp.ksql.engine.PersistentQuery;
import io.rtdp.ksql.server.kafka.BrokerTopics;
import io.rtdp.ksql.server.processinglog.QueryMonitoring;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Kafka Streams applications of the persistent queries this server runs. A terminated query
 * is cleaned up as ksqlDB does: local state, internal topics and consumer group are deleted.
 */
public final class QueryRuntime implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(QueryRuntime.class);

  private final Map<String, Object> baseProperties;
  private final QueryMonitoring monitoring;
  private final QueryCleanup cleanup;
  private final Map<String, RunningQuery> running = new LinkedHashMap<>();
  /** Queries whose Kafka Streams could not even start: the plan that failed, tried again once replaced. */
  private final Map<String, PersistentQuery> failedToStart = new LinkedHashMap<>();

  /** A started query and the Kafka Streams instance running it. */
  public record RunningQuery(PersistentQuery query, KafkaStreams streams) {}

  /**
   * {@code streamsDefaults} are the server's {@code ksql.streams.*} settings; {@code applicationServer}
   * is this server's host:port, announced in Kafka Streams metadata; {@code monitoring} wires each
   * persistent query's failures and traffic into the processing log and the runtime statistics.
   */
  public QueryRuntime(String bootstrapServers, String stateDir, String applicationServer,
      Map<String, Object> streamsDefaults, Admin admin, BrokerTopics topics, QueryMonitoring monitoring) {
    this.monitoring = monitoring;
    this.cleanup = new QueryCleanup(admin, topics, Path.of(stateDir));
    Map<String, Object> base = new HashMap<>();
    // ksqlDB's default differs from Kafka Streams': a new query reads from the end of its sources.
    base.put("auto.offset.reset", "latest");
    base.putAll(streamsDefaults);
    base.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    base.put(StreamsConfig.STATE_DIR_CONFIG, stateDir);
    base.put(StreamsConfig.APPLICATION_SERVER_CONFIG, applicationServer);
    this.baseProperties = Map.copyOf(base);
  }

  /**
   * Starts the wanted queries not running yet, stops (with clean-up) those no longer wanted, and
   * restarts in place those a CREATE OR REPLACE planned anew: same application id, state and
   * committed offsets kept, so the new plan resumes where the old one stopped.
   */
  public synchronized void reconcile(List<PersistentQuery> wanted, Map<String, Map<String, Object>> overridesByQuery) {
    Map<String, PersistentQuery> wantedById = new HashMap<>();
    wanted.forEach(q -> wantedById.put(q.id(), q));
    failedToStart.entrySet().removeIf(f -> wantedById.get(f.getKey()) != f.getValue());
    for (String id : new ArrayList<>(running.keySet())) {
      PersistentQuery now = wantedById.get(id);
      if (now == null) {
        terminate(running.remove(id));
      } else if (now != running.get(id).query()) {
        stop(running.remove(id));
        LOG.info("Replacing query {} in place (application id {})", id, now.applicationId());
      }
    }
    for (PersistentQuery q : wanted) {
      if (!running.containsKey(q.id()) && !failedToStart.containsKey(q.id())) {
        try {
          running.put(q.id(), start(q, overridesByQuery.getOrDefault(q.id(), Map.of())));
        } catch (RuntimeException e) {
          LOG.error("Query {} could not start: {}. TERMINATE it and create it again with valid properties.", q.id(),
              e.getMessage(), e);
          failedToStart.put(q.id(), q);
        }
      }
    }
  }

  /** RUNNING, ERROR or UNRESPONSIVE as ksqlDB reports a query's state; ERROR too when it could not start. */
  public synchronized String state(String queryId) {
    RunningQuery r = running.get(queryId);
    if (r != null) {
      return state(r.streams());
    }
    return failedToStart.containsKey(queryId) ? "ERROR" : "UNRESPONSIVE";
  }

  public synchronized List<RunningQuery> running() {
    return new ArrayList<>(running.values());
  }

  /** The Kafka Streams instance running a persistent query here, if it runs. */
  public synchronized Optional<KafkaStreams> streams(String queryId) {
    return Optional.ofNullable(running.get(queryId)).map(RunningQuery::streams);
  }

  /**
   * Settings of a transient (push) query's own Kafka Streams application: the same defaults as the
   * persistent queries, but not announced as a store host (its state is nobody's to query).
   */
  public Properties transientProperties(String applicationId, Map<String, Object> overrides) {
    Properties props = new Properties();
    props.putAll(baseProperties);
    props.remove(StreamsConfig.APPLICATION_SERVER_CONFIG);
    props.putAll(overrides);
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
    return props;
  }

  public QueryCleanup cleanup() {
    return cleanup;
  }

  private static String state(KafkaStreams streams) {
    return switch (streams.state()) {
      case CREATED, REBALANCING, RUNNING -> "RUNNING";
      case PENDING_ERROR, ERROR -> "ERROR";
      case PENDING_SHUTDOWN, NOT_RUNNING -> "UNRESPONSIVE";
    };
  }

  private RunningQuery start(PersistentQuery q, Map<String, Object> overrides) {
    Properties props = new Properties();
    props.putAll(baseProperties);
    props.putAll(overrides);
    props.putAll(monitoring.streamsProperties(q.id()));
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, q.applicationId());
    KafkaStreams streams = new KafkaStreams(q.topology(), props);
    streams.setUncaughtExceptionHandler(e -> {
      LOG.error("Query {} failed and stopped: {}. TERMINATE it and fix the cause before creating it again.",
          q.id(), e.getMessage(), e);
      monitoring.streamsThreadDied(q.id(), e);
      return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
    });
    streams.start();
    LOG.info("Started query {} (application id {})", q.id(), q.applicationId());
    return new RunningQuery(q, streams);
  }

  private void terminate(RunningQuery r) {
    cleanup.release(r.query().id(), r.query().applicationId(), r.streams());
  }

  /** Stops every query, keeping state and offsets so that a restarted server resumes them. */
  @Override
  public synchronized void close() {
    running.values().forEach(QueryRuntime::stop);
    running.clear();
  }

  private static void stop(RunningQuery r) {
    QueryCleanup.stop(r.streams());
  }
}
