package io.rtdp.ksql.engine.topology;

import io.rtdp.ksql.engine.query.ResultRow;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.Record;

/**
 * The last step of a transient query: turns each record into a {@link ResultRow} and hands it to
 * the client's callback, stopping after the LIMIT (the counter is shared by all stream threads).
 */
final class ResultRowProcessor<K> implements Processor<K, List<Object>, Void, Void> {
  /** The key columns and window bounds of a record key. */
  record KeyParts(List<Object> key, Long windowStart, Long windowEnd) {}

  private final QueryOutput.Callback output;
  private final Function<K, KeyParts> keyParts;
  private final AtomicLong delivered;

  ResultRowProcessor(QueryOutput.Callback output, Function<K, KeyParts> keyParts, AtomicLong delivered) {
    this.output = output;
    this.keyParts = keyParts;
    this.delivered = delivered;
  }

  /** Plain keys; {@code windowInKey}: the list ends with window start and end (windowed sources). */
  static Function<List<Object>, KeyParts> listKey(boolean windowInKey) {
    return key -> {
      if (!windowInKey || key == null) {
        return new KeyParts(key, null, null);
      }
      int n = key.size() - 2;
      return new KeyParts(key.subList(0, n), (Long) key.get(n), (Long) key.get(n + 1));
    };
  }

  static Function<Windowed<List<Object>>, KeyParts> windowedKey() {
    return key -> new KeyParts(key.key(), key.window().start(), key.window().end());
  }

  @Override
  public void process(Record<K, List<Object>> record) {
    if (record.value() == null && !output.table()) {
      return;
    }
    if (output.limit() != null && delivered.incrementAndGet() > output.limit()) {
      return;
    }
    KeyParts k = keyParts.apply(record.key());
    ResultRow row = output.layout().row(k.key(), k.windowStart(), k.windowEnd(), record.value());
    output.rows().accept(row);
  }
}
