package io.rtdp.ksql.server.kafka;

import io.rtdp.ksql.engine.KafkaTopics;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.header.Headers;

/**
 * Topics as the broker has them plus those a dry run "created": lets an engine validate or
 * replay statements without creating, or producing to, anything on the broker.
 */
public final class DryRunTopics implements KafkaTopics {
  private final KafkaTopics broker;
  private final Map<String, Integer> created = new HashMap<>();

  public DryRunTopics(KafkaTopics broker) {
    this.broker = broker;
  }

  @Override
  public boolean exists(String topic) {
    return created.containsKey(topic) || broker.exists(topic);
  }

  @Override
  public int partitions(String topic) {
    Integer p = created.get(topic);
    return p != null ? p : broker.partitions(topic);
  }

  @Override
  public void create(String topic, int partitions) {
    created.put(topic, partitions);
  }

  @Override
  public void produce(String topic, byte[] key, byte[] value, long timestamp, Headers headers) {
    // A dry run validates the row (the engine serialized it already) and writes nothing.
  }
}
