package io.rtdp.ksql.engine.planner;

import io.rtdp.ksql.engine.metastore.DataSource;
import io.rtdp.ksql.engine.query.ResultColumn;
import io.rtdp.ksql.engine.topology.Materialization;
import java.util.List;
import org.apache.kafka.streams.Topology;

/**
 * A planned query ready to run: its id, the sink it writes (null for a transient query), its
 * topology and input topics, the store holding its table result (null if none) and its result
 * columns in projection order.
 */
public record PlannedQuery(String queryId, DataSource sink, Topology topology, List<String> sourceTopics,
    Materialization materialization, List<ResultColumn> columns) {}
