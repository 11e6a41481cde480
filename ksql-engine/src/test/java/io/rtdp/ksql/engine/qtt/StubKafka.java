package io.rtdp.ksql.engine.qtt;

import io.rtdp.ksql.engine.KafkaTopics;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/** The in-memory Kafka of a QTT run: topics with partition counts and the records written. */
final class StubKafka implements KafkaTopics {
  record StoredRecord(byte[] key, byte[] value, long timestamp, Headers headers) {}

  private final Map<String, Integer> partitions = new HashMap<>();
  private final Map<String, List<StoredRecord>> records = new HashMap<>();

  @Override
  public boolean exists(String topic) {
    return partitions.containsKey(topic);
  }

  @Override
  public int partitions(String topic) {
    return partitions.getOrDefault(topic, 1);
  }

  @Override
  public void create(String topic, int count) {
    partitions.putIfAbsent(topic, count);
  }

  @Override
  public void produce(String topic, byte[] key, byte[] value, long timestamp, Headers headers) {
    records.computeIfAbsent(topic, t -> new ArrayList<>())
        .add(new StoredRecord(key, value, timestamp, headers == null ? new RecordHeaders() : headers));
  }

  List<StoredRecord> records(String topic) {
    return records.getOrDefault(topic, List.of());
  }
}
