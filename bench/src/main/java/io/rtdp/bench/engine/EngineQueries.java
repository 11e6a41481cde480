package io.rtdp.bench.engine;

import io.rtdp.ksql.engine.EngineConfig;
import io.rtdp.ksql.engine.KafkaTopics;
import io.rtdp.ksql.engine.KsqlEngine;
import io.rtdp.ksql.engine.PersistentQuery;
import io.rtdp.ksql.engine.function.FunctionRegistry;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.header.Headers;

/** Our side: the statements compiled by the engine, as a server would, into Kafka Streams topologies. */
final class EngineQueries {
    static final String FILTER_PROJECT = "CREATE STREAM BIG_ORDERS AS SELECT ID, UCASE(ITEM) AS ITEM, "
            + "QTY * PRICE AS AMOUNT FROM ORDERS WHERE QTY > 50;";
    static final String WINDOWED_COUNT_SUM = "CREATE TABLE TOTALS AS SELECT ID, COUNT(*) AS N, SUM(QTY) AS Q "
            + "FROM ORDERS WINDOW TUMBLING (SIZE 1 MINUTE, GRACE PERIOD 1 MINUTE) GROUP BY ID EMIT CHANGES;";
    /** As the platform's device sessions (ksql/V000003): each session written once, when it has closed. */
    static final String SESSION_FINAL = "CREATE TABLE SESSIONS AS SELECT ID, COUNT(*) AS N, LATEST_BY_OFFSET(ITEM) AS ITEM "
            + "FROM ORDERS WINDOW SESSION (30 SECONDS, GRACE PERIOD 0 SECONDS) GROUP BY ID EMIT FINAL;";

    private EngineQueries() {
    }

    /** Compiles one statement over the ORDERS stream; a fresh engine each time, so query ids do not depend on order. */
    static PersistentQuery compile(String statement) {
        KsqlEngine engine = new KsqlEngine(FunctionRegistry.withBuiltIns(),
                new EngineConfig(Map.of(EngineConfig.SERVICE_ID, "bench_")), new TopicsInMemory(),
                (queryId, message, cause) -> {
                    throw new IllegalStateException(queryId + ": " + message, cause);
                });
        engine.execute(Orders.CREATE_STREAM + "\n" + statement);
        return engine.queries().get(0);
    }

    /** No broker: topics exist only as names and partition counts, which is all planning needs. */
    private static final class TopicsInMemory implements KafkaTopics {
        private final Map<String, Integer> partitions = new HashMap<>(Map.of(Orders.TOPIC, 1));

        @Override
        public boolean exists(String topic) {
            return partitions.containsKey(topic);
        }

        @Override
        public int partitions(String topic) {
            return partitions.get(topic);
        }

        @Override
        public void create(String topic, int count) {
            partitions.put(topic, count);
        }

        @Override
        public void produce(String topic, byte[] key, byte[] value, long timestamp, Headers headers) {
            throw new UnsupportedOperationException("the benchmark runs no INSERT VALUES");
        }
    }
}
