package io.rtdp.ksql.engine.topology;

/**
 * Where records that cannot be deserialized or evaluated are reported; the query skips them
 * (or yields NULL for the failing expression) and carries on (SPEC §3.3).
 */
@FunctionalInterface
public interface ProcessingLog {
  void error(String queryId, String message, Throwable cause);

  /**
   * A skipped undeserializable record. Logs that keep structured entries override this; the
   * default keeps older implementations working by passing the text to {@link #error}.
   */
  default void deserializationError(DeserializationError error) {
    error(error.queryId(), error.describe(), error.cause());
  }
}
