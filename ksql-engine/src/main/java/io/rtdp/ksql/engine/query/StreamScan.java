package io.rtdp.ksql.engine.query;

import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A pull query on a stream: read every partition of {@link #topic} from the earliest offset up to
 * the end offsets taken when the query starts, turn each record into a result row, stop after
 * {@link #limit} rows (null: no limit), then end with "Query Completed".
 */
public interface StreamScan {
  String topic();

  /** The record's result row; empty when WHERE drops it or it cannot be decoded. */
  Optional<ResultRow> decode(ConsumerRecord<byte[], byte[]> record);

  Integer limit();
}
