package io.rtdp.ksql.engine;

import java.util.List;
import org.apache.kafka.streams.Topology;

/**
 * A persistent query: the Kafka Streams application it is. {@code createsSink} is true for
 * CSAS/CTAS, whose sink lives and dies with the query, false for INSERT INTO.
 */
public record PersistentQuery(String id, String applicationId, String sinkName, String sinkTopic,
    List<String> sourceTopics, Topology topology, String sql, boolean createsSink) {}
