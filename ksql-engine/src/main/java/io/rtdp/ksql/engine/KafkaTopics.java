package io.rtdp.ksql.engine;

import org.apache.kafka.common.header.Headers;

/** What the engine needs from Kafka: topic metadata, topic creation, and producing INSERT VALUES. */
public interface KafkaTopics {
  boolean exists(String topic);

  int partitions(String topic);

  void create(String topic, int partitions);

  void produce(String topic, byte[] key, byte[] value, long timestamp, Headers headers);
}
