package io.rtdp.ksql.engine.topology;

/**
 * Where records that cannot be deserialized or evaluated are reported; the query skips them
 * (or yields NULL for the failing expression) and carries on (SPEC §3.3).
 */
@FunctionalInterface
public interface ProcessingLog {
  void error(String queryId, String message, Throwable cause);
}
