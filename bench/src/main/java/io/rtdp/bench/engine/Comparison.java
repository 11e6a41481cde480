package io.rtdp.bench.engine;

import java.util.function.Function;
import org.apache.kafka.streams.Topology;

/**
 * One side-by-side comparison: a statement for the engine and the hand-written topology doing the same.
 * Each run gets topologies built afresh, so no processor or store is shared between two drivers.
 */
record Comparison(String name, String statement, Function<String, Topology> handWritten) {
    Topology ours() {
        return EngineQueries.compile(statement).topology();
    }

    Topology baseline() {
        return handWritten.apply(sinkTopic());
    }

    String sinkTopic() {
        return EngineQueries.compile(statement).sinkTopic();
    }
}
