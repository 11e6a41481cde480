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

  /**
   * An expression that failed on {@code row} (the values the query evaluated it on): logs that
   * include row contents ({@code ksql.logging.processing.rows.include}) keep it; the default
   * passes only the text to {@link #error}.
   */
  default void recordProcessingError(String queryId, String message, Throwable cause, Object[] row) {
    error(queryId, message, cause);
  }
}
