package io.rtdp.ksql.engine.topology;

import java.util.List;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/** WHERE + projection on a stream whose key does not change. */
final class SelectProcessor implements FixedKeyProcessor<List<Object>, Object[], List<Object>> {
  private final RowSelector selector;
  private FixedKeyProcessorContext<List<Object>, List<Object>> context;

  SelectProcessor(RowSelector selector) {
    this.selector = selector;
  }

  @Override
  public void init(FixedKeyProcessorContext<List<Object>, List<Object>> context) {
    this.context = context;
  }

  @Override
  public void process(FixedKeyRecord<List<Object>, Object[]> record) {
    RowSelector.Selected s = selector.select(record.key(), record.value());
    if (s == null) {
      return;
    }
    context.forward(s.applyTo(record));
  }
}
