package io.rtdp.ksql.engine.topology;

import io.rtdp.ksql.engine.metastore.DataSource;
import io.rtdp.ksql.engine.serde.Formats;
import java.util.List;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.kstream.Window;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.kstream.internals.SessionWindow;
import org.apache.kafka.streams.kstream.internals.TimeWindow;
import org.apache.kafka.streams.kstream.WindowedSerdes;

/** Key and value serdes of a source's topic, built from its formats. */
public final class SourceSerdes {
  private SourceSerdes() {}

  public static Serde<List<Object>> key(DataSource s) {
    return Formats.of(s.keyFormat()).serde(s.schema().key(), true, s.keyOptions());
  }

  public static Serde<List<Object>> value(DataSource s) {
    return Formats.of(s.valueFormat()).serde(s.schema().value(), false, s.valueOptions());
  }

  /**
   * The windowed key of a source read through {@link WindowedSourceRowProcessor}: a list of the key
   * columns followed by window start and end, on the wire as Kafka Streams' windowed key.
   */
  public static Serde<List<Object>> windowedListKey(DataSource s) {
    Serde<Windowed<List<Object>>> windowed = windowedKey(s);
    boolean session = "SESSION".equals(s.window().type());
    return org.apache.kafka.common.serialization.Serdes.serdeFrom(
        (topic, key) -> {
          if (key == null) {
            return null;
          }
          int n = key.size() - 2;
          long start = (Long) key.get(n);
          long end = (Long) key.get(n + 1);
          Window window = session ? new SessionWindow(start, end) : new TimeWindow(start, end);
          return windowed.serializer().serialize(topic, new Windowed<>(new java.util.ArrayList<>(key.subList(0, n)), window));
        },
        (topic, bytes) -> {
          if (bytes == null) {
            return null;
          }
          Windowed<List<Object>> w = windowed.deserializer().deserialize(topic, bytes);
          List<Object> key = new java.util.ArrayList<>(w.key());
          key.add(w.window().start());
          key.add(w.window().end());
          return key;
        });
  }

  /** Kafka Streams' windowed key serde around the inner key format (SPEC §1.8). */
  public static Serde<Windowed<List<Object>>> windowedKey(DataSource s) {
    Serde<List<Object>> inner = key(s);
    if ("SESSION".equals(s.window().type())) {
      return new WindowedSerdes.SessionWindowedSerde<>(inner);
    }
    return new WindowedSerdes.TimeWindowedSerde<>(inner, s.window().sizeMs());
  }
}
