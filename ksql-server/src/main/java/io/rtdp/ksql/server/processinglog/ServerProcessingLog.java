package io.rtdp.ksql.server.processinglog;

import io.rtdp.ksql.engine.topology.DeserializationError;
import io.rtdp.ksql.engine.topology.ProcessingLog;
import io.rtdp.ksql.server.statistics.QueryStatistics;
import org.apache.kafka.clients.admin.Admin;

/**
 * The server's processing log (SPEC §3.3): every entry goes to the {@code processing.<QUERY_ID>}
 * logger, to the processing-log topic when it exists, and into the query's error statistics.
 */
public final class ServerProcessingLog implements ProcessingLog, AutoCloseable {
  private final LoggerProcessingLog logger = new LoggerProcessingLog();
  private final ProcessingLogConfig config;
  private final ProcessingLogTopic topic;
  private final QueryStatistics statistics;

  private ServerProcessingLog(ProcessingLogConfig config, ProcessingLogTopic topic, QueryStatistics statistics) {
    this.config = config;
    this.topic = topic;
    this.statistics = statistics;
  }

  /** Creates the processing-log topic if configured to, and opens it for writing when it exists. */
  public static ServerProcessingLog open(ProcessingLogConfig config, Admin admin, String bootstrapServers,
      QueryStatistics statistics) {
    return new ServerProcessingLog(config, ProcessingLogTopic.open(config, admin, bootstrapServers), statistics);
  }

  public ProcessingLogConfig config() {
    return config;
  }

  /** True when entries are written to the processing-log topic. */
  public boolean writesTopic() {
    return topic != null;
  }

  @Override
  public void error(String queryId, String message, Throwable cause) {
    logger.error(queryId, message, cause);
    record(ProcessingLogEntry.recordProcessing(queryId, message, cause, null));
  }

  @Override
  public void recordProcessingError(String queryId, String message, Throwable cause, Object[] row) {
    logger.error(queryId, message, cause);
    record(ProcessingLogEntry.recordProcessing(queryId, message, cause,
        config.rowsInclude() && row != null ? ProcessingLogEntry.rowJson(row) : null));
  }

  @Override
  public void deserializationError(DeserializationError error) {
    logger.deserializationError(error);
    record(ProcessingLogEntry.deserialization(error, config.rowsInclude()));
  }

  /** A record the query's producer could not write. */
  public void productionError(String queryId, String topicName, String message, Throwable cause) {
    logger.error(queryId, message, cause);
    record(ProcessingLogEntry.production(queryId, topicName, message));
  }

  /** An output row that could not be serialized; {@code row} is only logged with rows.include. */
  public void serializationError(String queryId, String topicName, String target, Throwable cause, Object row) {
    String message = "Error serializing " + target + " for topic " + topicName + ": " + cause.getMessage();
    logger.error(queryId, message, cause);
    record(ProcessingLogEntry.serialization(queryId, topicName, target, message, cause,
        config.rowsInclude() && row != null ? String.valueOf(row) : null));
  }

  /** A Kafka Streams thread of the query died. */
  public void streamsThreadError(String queryId, String threadName, Throwable error) {
    ProcessingLogEntry entry = ProcessingLogEntry.streamsThread(queryId, threadName, error);
    logger.error(queryId, entry.text(), error);
    record(entry);
  }

  private void record(ProcessingLogEntry entry) {
    statistics.failed(entry.queryId(), entry.topic());
    if (topic != null) {
      topic.write(entry.toJson(System.currentTimeMillis()));
    }
  }

  @Override
  public void close() {
    if (topic != null) {
      topic.close();
    }
  }
}
