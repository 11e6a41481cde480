package io.rtdp.ksql.engine.topology;

import io.rtdp.ksql.engine.metastore.DataSource;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Windowed;

/** The last step of every topology: the result stream goes to the query's {@link QueryOutput}. */
final class OutputWriter {
  private static final String CALLBACK_NAME = "Transient-Results";

  private final QueryOutput output;
  // One counter per planned query: every stream thread's processor counts against the same LIMIT.
  private final AtomicLong delivered = new AtomicLong();

  OutputWriter(QueryOutput output) {
    this.output = output;
  }

  /**
   * Rows keyed by a key list, which ends with the window bounds when {@code windowInKey} (rows of
   * a windowed source). {@code sinkName} names the sink processor (null: Kafka Streams' own name).
   */
  void write(KStream<List<Object>, List<Object>> rows, String sinkName, boolean windowInKey) {
    if (output instanceof QueryOutput.Topic t) {
      DataSource sink = t.sink();
      Produced<List<Object>, List<Object>> produced = Produced.with(
          sink.isWindowed() ? SourceSerdes.windowedListKey(sink) : SourceSerdes.key(sink), SourceSerdes.value(sink));
      rows.to(sink.topic(), sinkName == null ? produced : produced.withName(sinkName));
    } else if (output instanceof QueryOutput.Callback c) {
      rows.process(() -> new ResultRowProcessor<>(c, ResultRowProcessor.listKey(windowInKey), delivered),
          Named.as(CALLBACK_NAME));
    }
  }

  /** Rows of a windowed aggregation. */
  void writeWindowed(KStream<Windowed<List<Object>>, List<Object>> rows) {
    if (output instanceof QueryOutput.Topic t) {
      rows.to(t.sink().topic(), Produced.with(SourceSerdes.windowedKey(t.sink()), SourceSerdes.value(t.sink())));
    } else if (output instanceof QueryOutput.Callback c) {
      rows.process(() -> new ResultRowProcessor<>(c, ResultRowProcessor.windowedKey(), delivered),
          Named.as(CALLBACK_NAME));
    }
  }
}
