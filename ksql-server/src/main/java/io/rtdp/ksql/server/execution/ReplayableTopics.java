package io.rtdp.ksql.server.execution;

import io.rtdp.ksql.engine.KafkaTopics;
import io.rtdp.ksql.server.kafka.DryRunTopics;
import org.apache.kafka.common.header.Headers;

/**
 * The engine's topics: a dry run while the command topic is replayed (a replayed CREATE must not
 * resurrect a topic a later DROP deleted), the broker afterwards.
 */
final class ReplayableTopics implements KafkaTopics {
  private final KafkaTopics broker;
  private volatile KafkaTopics target;

  ReplayableTopics(KafkaTopics broker) {
    this.broker = broker;
    this.target = new DryRunTopics(broker);
  }

  void replayFinished() {
    target = broker;
  }

  @Override
  public boolean exists(String topic) {
    return target.exists(topic);
  }

  @Override
  public int partitions(String topic) {
    return target.partitions(topic);
  }

  @Override
  public void create(String topic, int partitions) {
    target.create(topic, partitions);
  }

  @Override
  public void produce(String topic, byte[] key, byte[] value, long timestamp, Headers headers) {
    target.produce(topic, key, value, timestamp, headers);
  }
}
