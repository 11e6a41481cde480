package io.rtdp.ksql.engine.planner;

import io.rtdp.ksql.engine.metastore.DataSource;
import java.util.List;
import org.apache.kafka.streams.Topology;

/** A persistent query ready to run: its id, the sink it writes, its topology and input topics. */
public record PlannedQuery(String queryId, DataSource sink, Topology topology, List<String> sourceTopics) {}
