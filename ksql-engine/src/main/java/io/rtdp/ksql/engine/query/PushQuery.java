package io.rtdp.ksql.engine.query;

import java.util.List;
import org.apache.kafka.streams.Topology;

/**
 * A planned {@code SELECT … EMIT CHANGES}: a topology that hands every result row to the consumer
 * given when it was planned, writing to no topic. The caller runs it as its own Kafka Streams
 * application ({@code applicationId}), stops it after {@code limit} rows (null: no limit; the
 * topology never hands more) and cleans it up.
 */
public record PushQuery(String queryId, List<ResultColumn> columns, Topology topology, List<String> sourceTopics,
    Integer limit, String applicationId) {}
