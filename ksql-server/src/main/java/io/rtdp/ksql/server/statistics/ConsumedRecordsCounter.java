package io.rtdp.ksql.server.statistics;

import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerInterceptor;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** Counts what a query's main consumer hands to Kafka Streams, per topic: one add per partition and poll. */
public final class ConsumedRecordsCounter implements ConsumerInterceptor<Object, Object> {
  private QueryTap tap;

  @Override
  public void configure(Map<String, ?> configs) {
    tap = QueryTap.from(configs);
  }

  @Override
  public ConsumerRecords<Object, Object> onConsume(ConsumerRecords<Object, Object> records) {
    for (TopicPartition tp : records.partitions()) {
      int count = 0;
      long bytes = 0;
      for (ConsumerRecord<Object, Object> r : records.records(tp)) {
        count++;
        bytes += Math.max(0, r.serializedKeySize()) + Math.max(0, r.serializedValueSize());
      }
      tap.statistics().consumed(tap.queryId(), tp.topic(), count, bytes);
    }
    return records;
  }

  @Override
  public void onCommit(Map<TopicPartition, OffsetAndMetadata> offsets) {
    // Only consumption is counted.
  }

  @Override
  public void close() {
    // The counts outlive the consumer: they are the query's, shown until it is gone.
  }
}
