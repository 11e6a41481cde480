package io.rtdp.ksql.engine.topology;

import java.util.ArrayList;
import java.util.List;

/**
 * A source record that could not be deserialized and was skipped: where it was read from and
 * why it failed, the data of ksqlDB's DESERIALIZATION_ERROR processing-log entry (SPEC §3.3).
 *
 * @param target "key" or "value", the part that failed
 * @param record the bytes that failed (null for a null key or value), for logs that include row contents
 */
public record DeserializationError(String queryId, String topic, int partition, long offset, String target,
    String errorMessage, Throwable cause, byte[] record) {

  /** The messages of the cause chain, outermost first: the log record's {@code cause} array. */
  public List<String> causes() {
    List<String> out = new ArrayList<>();
    for (Throwable t = cause == null ? null : cause.getCause(); t != null; t = t.getCause()) {
      out.add(String.valueOf(t.getMessage()));
    }
    return out;
  }

  /** One line for logs that only take text. */
  public String describe() {
    return "Failed to deserialize " + target + " of record at " + topic + "-" + partition + "@" + offset + ": "
        + errorMessage;
  }
}
