package io.rtdp.ksql.engine.topology;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * Rows of a windowed source: like {@link SourceRowProcessor}, plus WINDOWSTART and WINDOWEND at
 * the end of the row. The window bounds also end the key list, so that each window is its own key
 * and a windowed sink can write them back ({@link SourceSerdes#windowedListKey}).
 */
final class WindowedSourceRowProcessor implements Processor<Windowed<List<Object>>, List<Object>, List<Object>, Object[]> {
  private final int keyCount;
  private final int valueCount;
  private final ProcessingLog log;
  private final String queryId;
  private ProcessorContext<List<Object>, Object[]> context;

  WindowedSourceRowProcessor(int keyCount, int valueCount, ProcessingLog log, String queryId) {
    this.keyCount = keyCount;
    this.valueCount = valueCount;
    this.log = log;
    this.queryId = queryId;
  }

  @Override
  public void init(ProcessorContext<List<Object>, Object[]> context) {
    this.context = context;
  }

  @Override
  public void process(Record<Windowed<List<Object>>, List<Object>> record) {
    Windowed<List<Object>> windowed = record.key();
    if (windowed == null) {
      return;
    }
    Undecodable bad = Undecodable.of(windowed.key(), record.value());
    if (bad != null) {
      bad.report(log, queryId, context.recordMetadata().orElse(null));
      return;
    }
    List<Object> key = new ArrayList<>(windowed.key());
    key.add(windowed.window().start());
    key.add(windowed.window().end());
    List<Object> value = record.value();
    if (value == null) {
      context.forward(record.withKey(key).withValue(null));
      return;
    }
    Object[] row = new Object[keyCount + valueCount + 5];
    for (int i = 0; i < keyCount; i++) {
      row[i] = windowed.key().get(i);
    }
    for (int i = 0; i < valueCount; i++) {
      row[keyCount + i] = value.get(i);
    }
    RecordMetadata meta = context.recordMetadata().orElse(null);
    int at = keyCount + valueCount;
    row[at] = record.timestamp();
    row[at + 1] = meta == null ? null : meta.partition();
    row[at + 2] = meta == null ? null : meta.offset();
    row[at + 3] = windowed.window().start();
    row[at + 4] = windowed.window().end();
    context.forward(record.withKey(key).withValue(row));
  }
}
