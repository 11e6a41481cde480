package io.rtdp.ksql.server.processinglog;

import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The processing-log topic: created at start-up when {@code ksql.logging.processing.topic.auto.create}
 * is true, written only when it exists (as ksqlDB's Kafka appender needs the topic), each entry a
 * JSON value with no key.
 */
final class ProcessingLogTopic implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ProcessingLogTopic.class);

  private final String name;
  private final KafkaProducer<byte[], byte[]> producer;
  /** Entries the producer could not write are logged, but only the first of a run, not one per record. */
  private volatile boolean lastSendFailed;

  private ProcessingLogTopic(String name, KafkaProducer<byte[], byte[]> producer) {
    this.name = name;
    this.producer = producer;
  }

  /** The topic to write, creating it if configured to; null when it neither exists nor may be created. */
  static ProcessingLogTopic open(ProcessingLogConfig config, Admin admin, String bootstrapServers) {
    if (config.topicAutoCreate()) {
      create(config, admin);
    } else if (!exists(config.topicName(), admin)) {
      LOG.info("The processing-log topic {} does not exist and {} is false: entries go to the processing.<QUERY_ID>"
          + " loggers only", config.topicName(), ProcessingLogConfig.TOPIC_AUTO_CREATE);
      return null;
    }
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    // A broker outage must not stall the query thread that reports a bad record for long.
    p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
    return new ProcessingLogTopic(config.topicName(),
        new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer()));
  }

  String name() {
    return name;
  }

  void write(byte[] value) {
    try {
      producer.send(new ProducerRecord<>(name, value), (metadata, error) -> {
        if (error != null && !lastSendFailed) {
          LOG.warn("Could not write to the processing-log topic {}: {}", name, error.getMessage());
        }
        lastSendFailed = error != null;
      });
    } catch (RuntimeException e) {
      LOG.warn("Could not write to the processing-log topic {}: {}", name, e.getMessage());
    }
  }

  private static void create(ProcessingLogConfig config, Admin admin) {
    try {
      admin.createTopics(List.of(new NewTopic(config.topicName(), config.topicPartitions(),
          config.topicReplicationFactor()))).all().get(30, TimeUnit.SECONDS);
      LOG.info("Created the processing-log topic {}", config.topicName());
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw new IllegalStateException("Cannot create the processing-log topic " + config.topicName() + ": "
            + e.getCause().getMessage() + ". Check " + ProcessingLogConfig.TOPIC_PARTITIONS + " and "
            + ProcessingLogConfig.TOPIC_REPLICATION_FACTOR + " against the cluster, or set "
            + ProcessingLogConfig.TOPIC_AUTO_CREATE + "=false", e.getCause());
      }
    } catch (TimeoutException e) {
      throw new IllegalStateException("Timed out creating the processing-log topic " + config.topicName(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while creating the processing-log topic", e);
    }
  }

  private static boolean exists(String topic, Admin admin) {
    try {
      Set<String> names = admin.listTopics().names().get(30, TimeUnit.SECONDS);
      return names.contains(topic);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("Cannot list the topics of the cluster: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while listing topics", e);
    }
  }

  @Override
  public void close() {
    producer.close();
  }
}
