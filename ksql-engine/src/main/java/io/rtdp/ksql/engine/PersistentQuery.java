package io.rtdp.ksql.engine;

import io.rtdp.ksql.engine.topology.Materialization;
import java.util.List;
import org.apache.kafka.streams.Topology;

/**
 * A persistent query: the Kafka Streams application it is. {@code createsSink} is true for
 * CSAS/CTAS, whose sink lives and dies with the query, false for INSERT INTO; the internal query
 * of a CREATE SOURCE TABLE has the table itself as its sink and writes nothing. {@code
 * materialization} says which of its stores holds its table for pull queries (null if none).
 */
public record PersistentQuery(String id, String applicationId, String sinkName, String sinkTopic,
    List<String> sourceTopics, Topology topology, String sql, boolean createsSink,
    Materialization materialization) {}
