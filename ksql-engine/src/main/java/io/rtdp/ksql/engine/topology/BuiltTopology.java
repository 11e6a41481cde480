package io.rtdp.ksql.engine.topology;

import org.apache.kafka.streams.Topology;

/** A built topology and, when its result is a table kept in a store, where (null otherwise). */
public record BuiltTopology(Topology topology, Materialization materialization) {}
