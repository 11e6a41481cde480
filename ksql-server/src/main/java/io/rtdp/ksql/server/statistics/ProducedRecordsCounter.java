package io.rtdp.ksql.server.statistics;

import java.util.Map;
import org.apache.kafka.clients.producer.ProducerInterceptor;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/** Counts the records a query's producer wrote, per topic, once the broker acknowledged them. */
public final class ProducedRecordsCounter implements ProducerInterceptor<Object, Object> {
  private QueryTap tap;

  @Override
  public void configure(Map<String, ?> configs) {
    tap = QueryTap.from(configs);
  }

  @Override
  public ProducerRecord<Object, Object> onSend(ProducerRecord<Object, Object> record) {
    return record;
  }

  @Override
  public void onAcknowledgement(RecordMetadata metadata, Exception exception) {
    // Failed sends are the processing log's (production errors); metadata may lack a topic then.
    if (exception == null && metadata != null) {
      tap.statistics().produced(tap.queryId(), metadata.topic());
    }
  }

  @Override
  public void close() {
    // The counts outlive the producer: they are the query's, shown until it is gone.
  }
}
