package io.rtdp.ksql.engine.topology;

import io.rtdp.ksql.engine.KsqlException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

/**
 * Event time from a column (the TIMESTAMP property): BIGINT, TIMESTAMP, or STRING parsed with
 * TIMESTAMP_FORMAT. A missing or invalid timestamp yields -1 so that Kafka Streams skips the
 * record, as ksqlDB does by default.
 */
final class ColumnTimestampExtractor implements TimestampExtractor {
  private final boolean inKey;
  private final int index;
  private final DateTimeFormatter format;
  private final ProcessingLog log;
  private final String queryId;

  ColumnTimestampExtractor(boolean inKey, int index, String pattern, ProcessingLog log, String queryId) {
    this.inKey = inKey;
    this.index = index;
    this.format = pattern == null ? null : DateTimeFormatter.ofPattern(pattern);
    this.log = log;
    this.queryId = queryId;
  }

  @Override
  public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
    if (Undecodable.of(record.key(), record.value()) != null) {
      // -1 would make Kafka Streams drop it unseen; the row processor reports it instead. Partition
      // time keeps a record that is about to be dropped from moving stream time forward.
      return Math.max(partitionTime, 0);
    }
    Object container = inKey ? record.key() : record.value();
    if (!(container instanceof List<?> values)) {
      return -1;
    }
    Object v = values.get(index);
    try {
      if (v instanceof Long l) {
        return l;
      }
      if (v instanceof java.util.Date d) {
        return d.getTime();
      }
      if (v instanceof String s && format != null) {
        return parse(s);
      }
    } catch (RuntimeException e) {
      log.error(queryId, "Failed to extract timestamp from " + v + ": " + e.getMessage(), e);
    }
    return -1;
  }

  private long parse(String s) {
    java.time.temporal.TemporalAccessor t = format.parse(s);
    if (t.isSupported(java.time.temporal.ChronoField.INSTANT_SECONDS)) {
      return java.time.Instant.from(t).toEpochMilli();
    }
    try {
      return LocalDateTime.from(t).toInstant(ZoneOffset.UTC).toEpochMilli();
    } catch (java.time.DateTimeException e) {
      try {
        return java.time.LocalDate.from(t).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
      } catch (java.time.DateTimeException e2) {
        throw new KsqlException("Cannot parse timestamp '" + s + "'", e2);
      }
    }
  }
}
