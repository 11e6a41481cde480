package io.rtdp.ksql.server.kafka;

import io.rtdp.ksql.engine.KafkaTopics;
import io.rtdp.ksql.engine.KsqlException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.header.Headers;

/** The engine's access to the broker: topic metadata and creation through the admin client, INSERT VALUES through a producer. */
public final class BrokerTopics implements KafkaTopics {
  private static final long VISIBILITY_TIMEOUT_MS = 10_000;

  private final Admin admin;
  private final KafkaProducer<byte[], byte[]> producer;

  public BrokerTopics(Admin admin, KafkaProducer<byte[], byte[]> producer) {
    this.admin = admin;
    this.producer = producer;
  }

  @Override
  public boolean exists(String topic) {
    return describe(topic).isPresent();
  }

  @Override
  public int partitions(String topic) {
    return describe(topic).orElseThrow(() -> new KsqlException("Topic '" + topic + "' does not exist."))
        .partitions().size();
  }

  public Optional<TopicDescription> describe(String topic) {
    try {
      return Optional.of(admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic));
    } catch (ExecutionException e) {
      if (e.getCause() instanceof UnknownTopicOrPartitionException) {
        return Optional.empty();
      }
      throw kafkaFailure("describe topic " + topic, e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw kafkaFailure("describe topic " + topic, e);
    }
  }

  @Override
  public void create(String topic, int partitions) {
    // Optional.empty(): the broker's default replication factor, as ksqlDB does without REPLICAS.
    await(admin.createTopics(List.of(new NewTopic(topic, Optional.of(partitions), Optional.empty()))).all(),
        "create topic " + topic, TopicExistsException.class);
    awaitVisible(topic);
  }

  /**
   * The controller acknowledges a creation before every broker's metadata shows the topic; a
   * statement executed right after (here, or on another server sharing the command topic, whose
   * creation found the topic existing) must not see it missing.
   */
  private void awaitVisible(String topic) {
    long deadline = System.currentTimeMillis() + VISIBILITY_TIMEOUT_MS;
    while (!exists(topic)) {
      if (System.currentTimeMillis() > deadline) {
        throw new KsqlException("Topic '" + topic + "' was created but the broker did not show it within "
            + VISIBILITY_TIMEOUT_MS + " ms. Check the broker's health and retry the statement.");
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw kafkaFailure("create topic " + topic, e);
      }
    }
  }

  public void delete(Collection<String> topics) {
    if (!topics.isEmpty()) {
      await(admin.deleteTopics(topics).all(), "delete topics " + topics, UnknownTopicOrPartitionException.class);
    }
  }

  public Set<String> names() {
    return await(admin.listTopics().names(), "list topics", null);
  }

  public Map<String, TopicDescription> describeAll(Collection<String> topics) {
    return await(admin.describeTopics(topics).allTopicNames(), "describe topics", null);
  }

  @Override
  public void produce(String topic, byte[] key, byte[] value, long timestamp, Headers headers) {
    await(producer.send(new ProducerRecord<>(topic, null, timestamp, key, value, headers)), "produce to " + topic, null);
  }

  private static <T> T await(Future<T> future, String what, Class<? extends Throwable> harmless) {
    try {
      return future.get();
    } catch (ExecutionException e) {
      if (harmless != null && harmless.isInstance(e.getCause())) {
        return null;
      }
      throw kafkaFailure(what, e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw kafkaFailure(what, e);
    }
  }

  private static KsqlException kafkaFailure(String what, Throwable cause) {
    return new KsqlException("Could not " + what + " in Kafka: " + cause.getMessage()
        + ". Check that the broker at bootstrap.servers is reachable.", cause);
  }
}
