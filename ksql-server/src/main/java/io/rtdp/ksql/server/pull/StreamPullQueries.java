package io.rtdp.ksql.server.pull;

import io.rtdp.ksql.engine.query.ResultRow;
import io.rtdp.ksql.engine.query.StreamScan;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Pull queries on streams (SPEC §3.2): a bounded scan of the stream's topic from the beginning to
 * the end offsets taken when the query starts, with a group-less consumer.
 */
public final class StreamPullQueries {
  private final String bootstrapServers;

  public StreamPullQueries(String bootstrapServers) {
    this.bootstrapServers = bootstrapServers;
  }

  /**
   * Hands each matching row to {@code rows} in topic order per partition, stopping at the scan's
   * LIMIT; true when the LIMIT ended the scan (ksqlDB then says "Limit Reached", else "Query Completed").
   */
  public boolean scan(StreamScan scan, Consumer<ResultRow> rows) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(),
        new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(scan.topic()).stream()
          .map(i -> new TopicPartition(scan.topic(), i.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions));
      Integer limit = scan.limit();
      long produced = 0;
      while (!reached(consumer, end)) {
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
          Long endOffset = end.get(new TopicPartition(r.topic(), r.partition()));
          if (endOffset == null || r.offset() >= endOffset) {
            continue;
          }
          Optional<ResultRow> row = scan.decode(r);
          if (row.isPresent()) {
            if (limit != null && produced >= limit) {
              return true;
            }
            rows.accept(row.get());
            produced++;
          }
        }
        if (limit != null && produced >= limit) {
          return true;
        }
      }
    }
    return false;
  }

  // Positions past the end snapshot (transaction markers, compaction) count as reached too.
  private static boolean reached(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> end) {
    end.entrySet().removeIf(e -> consumer.position(e.getKey()) >= e.getValue());
    return end.isEmpty();
  }
}
