package io.rtdp.ksql.server.processinglog;

import io.rtdp.ksql.engine.topology.ProcessingLog;
import org.slf4j.LoggerFactory;

/**
 * Records the queries skipped, under the logger {@code processing.<QUERY_ID>} as ksqlDB names
 * them (SPEC §3.3): the part of the processing log that needs no broker, which
 * {@link ServerProcessingLog} writes besides the topic.
 */
public final class LoggerProcessingLog implements ProcessingLog {
  @Override
  public void error(String queryId, String message, Throwable cause) {
    LoggerFactory.getLogger("processing." + queryId).error("{}", message, cause);
  }
}
