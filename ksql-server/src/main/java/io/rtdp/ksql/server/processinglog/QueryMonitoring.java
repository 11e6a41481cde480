package io.rtdp.ksql.server.processinglog;

import io.rtdp.ksql.server.statistics.QueryStatistics;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.streams.StreamsConfig;

/**
 * What the query runtime wires into each persistent query's Kafka Streams so that its failures
 * reach the processing log and its traffic the statistics: client settings, and the report of a
 * stream thread that died.
 */
public final class QueryMonitoring {
  private final ServerProcessingLog log;
  private final QueryStatistics statistics;
  private final boolean failOnProductionError;

  /** Handed to the production error handler through the Streams configuration. */
  record Tap(String queryId, ServerProcessingLog log, boolean failOnProductionError) {
    static final String CONFIG = "rtdp.ksql.processing.log";

    static Tap from(Map<String, ?> configs) {
      if (configs.get(CONFIG) instanceof Tap tap) {
        return tap;
      }
      throw new IllegalStateException(CONFIG + " must hold the query's processing-log tap; the handler is"
          + " configured by the KSQL server only");
    }

    // Kafka Streams logs its configuration: name the query rather than an object id.
    @Override
    public String toString() {
      return "processing log of " + queryId;
    }
  }

  public QueryMonitoring(ServerProcessingLog log, QueryStatistics statistics, boolean failOnProductionError) {
    this.log = log;
    this.statistics = statistics;
    this.failOnProductionError = failOnProductionError;
  }

  /** Kafka Streams settings of the query: the production error handler and the statistics interceptors. */
  public Map<String, Object> streamsProperties(String queryId) {
    Map<String, Object> props = new HashMap<>(statistics.streamsProperties(queryId));
    props.put(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, ProductionErrorHandler.class.getName());
    props.put(Tap.CONFIG, new Tap(queryId, log, failOnProductionError));
    return props;
  }

  /** Called on the dying thread by the query's uncaught exception handler. */
  public void streamsThreadDied(String queryId, Throwable error) {
    log.streamsThreadError(queryId, Thread.currentThread().getName(), error);
    statistics.queryFailed(queryId, String.valueOf(error.getMessage()));
  }
}
