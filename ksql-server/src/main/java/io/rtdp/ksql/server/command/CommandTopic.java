package io.rtdp.ksql.server.command;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The write side of the command topic {@code _confluent-ksql-<service id>command_topic}: one
 * partition kept forever, each command produced in its own transaction (SPEC §5.1).
 */
public final class CommandTopic implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String name;
  private final Admin admin;
  private final KafkaProducer<String, String> producer;

  public CommandTopic(String serviceId, String bootstrapServers, Admin admin) {
    this.name = topicName(serviceId);
    this.admin = admin;
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    // Unique per server process: servers sharing a service id must not fence each other's producer.
    p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, name + "-" + UUID.randomUUID());
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    this.producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
  }

  public static String topicName(String serviceId) {
    return "_confluent-ksql-" + serviceId + "command_topic";
  }

  public String name() {
    return name;
  }

  /** Creates the topic when missing, then readies the transactional producer. */
  public void ensureExists(short replicas) {
    NewTopic topic = new NewTopic(name, 1, replicas).configs(Map.of(
        "retention.ms", "-1", "cleanup.policy", "delete", "unclean.leader.election.enable", "false"));
    try {
      admin.createTopics(List.of(topic)).all().get();
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw new IllegalStateException("Cannot create the command topic " + name + ": " + e.getCause().getMessage()
            + ". Check that the broker at bootstrap.servers is reachable and allows topic creation.", e.getCause());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while creating the command topic " + name, e);
    }
    producer.initTransactions();
  }

  /** Appends one command and returns its offset, the command sequence number. */
  public synchronized long append(String commandId, Command command) {
    String key;
    String value;
    try {
      key = JSON.writeValueAsString(commandId);
      value = JSON.writeValueAsString(command);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot serialize command " + commandId, e);
    }
    producer.beginTransaction();
    try {
      long offset = producer.send(new ProducerRecord<>(name, 0, key, value)).get().offset();
      producer.commitTransaction();
      return offset;
    } catch (ExecutionException | KafkaException e) {
      producer.abortTransaction();
      Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
      throw new IllegalStateException("Could not write the statement to the command topic " + name + ": "
          + cause.getMessage(), cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      producer.abortTransaction();
      throw new IllegalStateException("Interrupted while writing to the command topic " + name, e);
    }
  }

  /** The offset after the last committed command: what this server must have read to be caught up. */
  public long committedEnd() {
    TopicPartition tp = new TopicPartition(name, 0);
    try {
      return admin.listOffsets(Map.of(tp, OffsetSpec.latest()), new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
          .partitionResult(tp).get().offset();
    } catch (ExecutionException e) {
      throw new IllegalStateException("Cannot read the end of the command topic " + name + ": "
          + e.getCause().getMessage(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while reading the end of the command topic " + name, e);
    }
  }

  @Override
  public void close() {
    producer.close();
  }
}
