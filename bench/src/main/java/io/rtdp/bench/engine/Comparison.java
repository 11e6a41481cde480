package io.rtdp.bench.engine;

import java.util.function.Function;
import java.util.function.IntFunction;
import org.apache.kafka.streams.Topology;

/**
 * One side-by-side comparison: a statement for the engine and the hand-written topology doing the same,
 * over the input {@code records} makes (the ORDERS stream's records, keyed as the statement needs); the outputs of
 * the first {@code checked} records are compared, enough of them for the statement to write some.
 * Each run gets topologies built afresh, so no processor or store is shared between two drivers.
 */
record Comparison(String name, String statement, Function<String, Topology> handWritten, IntFunction<Orders> records,
                  int checked) {
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
