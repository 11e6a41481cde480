package io.rtdp.ksql.engine.topology;

import java.util.List;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * Lays a source record out as one row: key columns, value columns, then ROWTIME, ROWPARTITION,
 * ROWOFFSET. A NULL value stays NULL (a tombstone for tables); a record that failed to
 * deserialize goes to the processing log instead.
 */
final class SourceRowProcessor implements FixedKeyProcessor<List<Object>, List<Object>, Object[]> {
  private final int keyCount;
  private final int valueCount;
  private final ProcessingLog log;
  private final String queryId;
  private FixedKeyProcessorContext<List<Object>, Object[]> context;

  SourceRowProcessor(int keyCount, int valueCount, ProcessingLog log, String queryId) {
    this.keyCount = keyCount;
    this.valueCount = valueCount;
    this.log = log;
    this.queryId = queryId;
  }

  @Override
  public void init(FixedKeyProcessorContext<List<Object>, Object[]> context) {
    this.context = context;
  }

  @Override
  public void process(FixedKeyRecord<List<Object>, List<Object>> record) {
    Undecodable bad = Undecodable.of(record.key(), record.value());
    if (bad != null) {
      bad.report(log, queryId, context.recordMetadata().orElse(null));
      return;
    }
    List<Object> value = record.value();
    if (value == null) {
      context.forward(record.withValue(null));
      return;
    }
    Object[] row = new Object[keyCount + valueCount + 3];
    List<Object> key = record.key();
    for (int i = 0; i < keyCount; i++) {
      row[i] = key == null ? null : key.get(i);
    }
    for (int i = 0; i < valueCount; i++) {
      row[keyCount + i] = value.get(i);
    }
    RecordMetadata meta = context.recordMetadata().orElse(null);
    row[keyCount + valueCount] = record.timestamp();
    row[keyCount + valueCount + 1] = meta == null ? null : meta.partition();
    row[keyCount + valueCount + 2] = meta == null ? null : meta.offset();
    context.forward(record.withValue(row));
  }
}
