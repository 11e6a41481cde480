package io.rtdp.ksql.engine.topology;

import java.util.AbstractList;
import java.util.List;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * Stands in for a key or value whose bytes failed to deserialize. Kafka Streams' own handler
 * only sees the exception, not the query's processing log, so source deserializers return this
 * marker instead of throwing and the first processor reports the record, with its topic,
 * partition and offset, and drops it.
 */
final class Undecodable extends AbstractList<Object> {
  final String target;
  final RuntimeException error;
  /** The bytes that failed, for processing-log entries that include row contents. */
  private final byte[] data;

  private Undecodable(String target, RuntimeException error, byte[] data) {
    this.target = target;
    this.error = error;
    this.data = data;
  }

  @Override
  public Object get(int index) {
    throw new IllegalStateException("Undeserializable " + target + " used as a row", error);
  }

  @Override
  public int size() {
    return 0;
  }

  /** The serde with a deserializer that yields an {@code Undecodable} instead of throwing. */
  static Serde<List<Object>> tolerant(Serde<List<Object>> serde, String target) {
    return Serdes.serdeFrom(serde.serializer(),
        tolerant(serde.deserializer(), (e, data) -> new Undecodable(target, e, data)));
  }

  /** As {@link #tolerant(Serde, String)} for a windowed key; a broken window frame fails the key. */
  static Serde<Windowed<List<Object>>> tolerantWindowed(Serde<Windowed<List<Object>>> serde) {
    return Serdes.serdeFrom(serde.serializer(),
        tolerant(serde.deserializer(), (e, data) -> new Windowed<>(new Undecodable("key", e, data), null)));
  }

  private static <T> Deserializer<T> tolerant(Deserializer<T> inner,
      java.util.function.BiFunction<RuntimeException, byte[], T> onError) {
    return new Deserializer<>() {
      @Override
      public T deserialize(String topic, byte[] data) {
        try {
          return inner.deserialize(topic, data);
        } catch (RuntimeException e) {
          return onError.apply(e, data);
        }
      }

      @Override
      public T deserialize(String topic, Headers headers, byte[] data) {
        try {
          return inner.deserialize(topic, headers, data);
        } catch (RuntimeException e) {
          return onError.apply(e, data);
        }
      }

      @Override
      public void close() {
        inner.close();
      }
    };
  }

  void report(ProcessingLog log, String queryId, RecordMetadata meta) {
    log.deserializationError(new DeserializationError(queryId, meta == null ? null : meta.topic(),
        meta == null ? -1 : meta.partition(), meta == null ? -1 : meta.offset(), target,
        String.valueOf(error.getMessage()), error, data));
  }

  /** The first undecodable part of a record, or null when both decoded. */
  static Undecodable of(Object key, Object value) {
    if (key instanceof Undecodable k) {
      return k;
    }
    return value instanceof Undecodable v ? v : null;
  }
}
