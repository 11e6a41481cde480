package io.rtdp.ksql.engine.topology;

import java.util.List;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/** WHERE + new key (PARTITION BY) + projection on a stream. */
final class RekeyProcessor implements Processor<List<Object>, Object[], List<Object>, List<Object>> {
  private final RowSelector selector;
  private ProcessorContext<List<Object>, List<Object>> context;

  RekeyProcessor(RowSelector selector) {
    this.selector = selector;
  }

  @Override
  public void init(ProcessorContext<List<Object>, List<Object>> context) {
    this.context = context;
  }

  @Override
  public void process(Record<List<Object>, Object[]> record) {
    RowSelector.Selected s = selector.select(record.key(), record.value());
    if (s == null) {
      return;
    }
    Record<List<Object>, List<Object>> out = record.withKey(s.key()).withValue(s.value());
    context.forward(s.timestamp() == null ? out : out.withTimestamp(s.timestamp()));
  }
}
