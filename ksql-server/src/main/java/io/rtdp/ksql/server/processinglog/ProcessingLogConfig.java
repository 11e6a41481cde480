package io.rtdp.ksql.server.processinglog;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The {@code ksql.logging.processing.*} settings (SPEC §3.3, §9), checked at start-up so that a
 * typo in a value stops the server with the key named rather than silently disabling the log.
 */
public record ProcessingLogConfig(boolean topicAutoCreate, String topicName, int topicPartitions,
    short topicReplicationFactor, boolean streamAutoCreate, String streamName, boolean rowsInclude) {
  public static final String PREFIX = "ksql.logging.processing.";
  public static final String TOPIC_AUTO_CREATE = PREFIX + "topic.auto.create";
  public static final String TOPIC_NAME = PREFIX + "topic.name";
  public static final String TOPIC_PARTITIONS = PREFIX + "topic.partitions";
  public static final String TOPIC_REPLICATION_FACTOR = PREFIX + "topic.replication.factor";
  public static final String STREAM_AUTO_CREATE = PREFIX + "stream.auto.create";
  public static final String STREAM_NAME = PREFIX + "stream.name";
  public static final String ROWS_INCLUDE = PREFIX + "rows.include";

  /** Every key this server reads; others under the prefix are unknown to it. */
  public static final Set<String> KEYS = Set.of(TOPIC_AUTO_CREATE, TOPIC_NAME, TOPIC_PARTITIONS,
      TOPIC_REPLICATION_FACTOR, STREAM_AUTO_CREATE, STREAM_NAME, ROWS_INCLUDE);

  /** Reads the settings; a value that is not one the key takes throws, naming the key and what it takes. */
  public static ProcessingLogConfig of(Map<String, String> values, String serviceId) {
    String topic = values.getOrDefault(TOPIC_NAME, "").isBlank()
        ? serviceId + "ksql_processing_log" : values.get(TOPIC_NAME).trim();
    String stream = values.getOrDefault(STREAM_NAME, "").isBlank()
        ? "KSQL_PROCESSING_LOG" : values.get(STREAM_NAME).trim();
    if (!stream.matches("[A-Za-z_][A-Za-z0-9_@]*")) {
      throw new IllegalArgumentException(STREAM_NAME + " must be a plain stream name (letters, digits, _), got '"
          + stream + "': e.g. " + STREAM_NAME + "=KSQL_PROCESSING_LOG");
    }
    int partitions = positive(values, TOPIC_PARTITIONS, 1);
    int replicas = positive(values, TOPIC_REPLICATION_FACTOR, 1);
    if (replicas > Short.MAX_VALUE) {
      throw new IllegalArgumentException(TOPIC_REPLICATION_FACTOR + " is too large: " + replicas);
    }
    return new ProcessingLogConfig(bool(values, TOPIC_AUTO_CREATE), topic, partitions, (short) replicas,
        bool(values, STREAM_AUTO_CREATE), stream.toUpperCase(Locale.ROOT), bool(values, ROWS_INCLUDE));
  }

  private static boolean bool(Map<String, String> values, String key) {
    String v = values.get(key);
    if (v == null || v.isBlank()) {
      return false;
    }
    return switch (v.trim().toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new IllegalArgumentException(key + " must be true or false, got '" + v + "'");
    };
  }

  private static int positive(Map<String, String> values, String key, int defaultValue) {
    String v = values.get(key);
    if (v == null || v.isBlank()) {
      return defaultValue;
    }
    try {
      int n = Integer.parseInt(v.trim());
      if (n >= 1) {
        return n;
      }
    } catch (NumberFormatException e) {
      // Reported below with the key and the expected value.
    }
    throw new IllegalArgumentException(key + " must be a whole number of at least 1, got '" + v + "'");
  }
}
