package io.rtdp.ksql.server.streaming;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs PRINT: reads the topic's raw records with a group-less consumer and writes one line per
 * record (SPEC §4.4), each line its own write, until LIMIT or the client goes away.
 */
public final class PrintTopic {
  private static final Logger LOG = LoggerFactory.getLogger(PrintTopic.class);
  private static final DateTimeFormatter ROWTIME = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss.SSS z")
      .withZone(ZoneOffset.UTC);

  private final String bootstrapServers;

  public PrintTopic(String bootstrapServers) {
    this.bootstrapServers = bootstrapServers;
  }

  /**
   * The topic PRINT names: exactly, or (unquoted) the one topic equal to it ignoring case; null when
   * none exists.
   */
  public static String resolve(PrintStatement print, Set<String> topics) {
    if (topics.contains(print.topic())) {
      return print.topic();
    }
    if (print.quoted()) {
      return null;
    }
    List<String> matches = topics.stream().filter(t -> t.equalsIgnoreCase(print.topic())).toList();
    return matches.size() == 1 ? matches.get(0) : null;
  }

  /** ksqlDB's message for an unknown topic, with similar names as suggestions. */
  public static String unknownTopic(String topic, Set<String> topics) {
    String similar = topics.stream().filter(t -> !t.startsWith("_") && t.toLowerCase(Locale.ROOT).contains(
        topic.toLowerCase(Locale.ROOT))).sorted().collect(Collectors.joining("\n\t"));
    return "Could not find topic '" + topic + "', or the KSQL user does not have permissions to list the topic."
        + " Topic names are case-sensitive." + (similar.isEmpty() ? "" : "\nDid you mean:\n\t" + similar);
  }

  /** Starts printing on its own thread; the response ends at LIMIT, the client's disconnect ends the thread. */
  public void start(String topic, PrintStatement print, QueryStream out) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(),
        new ByteArrayDeserializer());
    List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
        .map(i -> new TopicPartition(topic, i.partition())).toList();
    consumer.assign(partitions);
    if (print.fromBeginning()) {
      consumer.seekToBeginning(partitions);
    } else {
      consumer.seekToEnd(partitions);
      partitions.forEach(consumer::position);
    }
    out.onClientGone(consumer::wakeup);
    Thread t = new Thread(() -> print(consumer, print, out), "print-" + topic);
    t.setDaemon(true);
    t.start();
  }

  private static void print(KafkaConsumer<byte[], byte[]> consumer, PrintStatement print, QueryStream out) {
    String keyFormat = null;
    String valueFormat = null;
    long seen = 0;
    long printed = 0;
    try (consumer) {
      while (!out.ended()) {
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
          if (seen++ % print.interval() != 0) {
            continue;
          }
          PrintedBytes key = PrintedBytes.of(r.key());
          PrintedBytes value = PrintedBytes.of(r.value());
          StringBuilder lines = new StringBuilder();
          if (!key.describe().equals(keyFormat)) {
            keyFormat = key.describe();
            lines.append("Key format: ").append(keyFormat).append('\n');
          }
          if (!value.describe().equals(valueFormat)) {
            valueFormat = value.describe();
            lines.append("Value format: ").append(valueFormat).append('\n');
          }
          String rowtime = r.timestamp() < 0 ? "N/A" : ROWTIME.format(Instant.ofEpochMilli(r.timestamp()));
          lines.append("rowtime: ").append(rowtime).append(", key: ").append(key.text()).append(", value: ")
              .append(value.text()).append(", partition: ").append(r.partition()).append('\n');
          out.awaitWritable();
          out.text(lines.toString());
          if (print.limit() != null && ++printed >= print.limit()) {
            out.end(null);
            return;
          }
        }
      }
    } catch (WakeupException e) {
      // The client went away.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      LOG.warn("PRINT of {} failed: {}", consumer.assignment(), e.getMessage(), e);
      out.fail(ErrorBodies.generic(50000, "PRINT failed: " + e.getMessage()));
    }
  }
}
