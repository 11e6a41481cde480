package io.rtdp.ksql.engine.planner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rtdp.ksql.engine.EngineConfig;
import io.rtdp.ksql.engine.KsqlEngine;
import io.rtdp.ksql.engine.PersistentQuery;
import io.rtdp.ksql.engine.TestEngines;
import io.rtdp.ksql.engine.function.FunctionRegistry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;

/** End to end through the engine: statements in, a topology out, records through TopologyTestDriver. */
class EngineTest {
  private final Map<String, Integer> topics = new HashMap<>(Map.of("orders", 1));
  private final KsqlEngine engine = new KsqlEngine(FunctionRegistry.withBuiltIns(),
      new EngineConfig(Map.of(EngineConfig.SERVICE_ID, "svc_")), TestEngines.topicsOf(topics), (queryId, message, cause) -> { });

  @Test
  void filterAndProjectionRunAsAKafkaStreamsTopology() {
    engine.execute("CREATE STREAM ORDERS (ID STRING KEY, ITEM STRING, QTY INT) "
        + "WITH (KAFKA_TOPIC='orders', VALUE_FORMAT='JSON');\n"
        + "CREATE STREAM BIG AS SELECT ID, UCASE(ITEM) AS ITEM, QTY * 2 AS DOUBLED FROM ORDERS WHERE QTY > 10;");
    PersistentQuery q = engine.queries().get(0);
    assertThat(q.id()).isEqualTo("CSAS_BIG_0");
    assertThat(q.applicationId()).isEqualTo("_confluent-ksql-svc_query_CSAS_BIG_0");
    assertThat(engine.metaStore().require("BIG").schema().toString())
        .isEqualTo("`ID` STRING KEY, `ITEM` STRING, `DOUBLED` INTEGER");
    List<TestRecord<String, String>> out = run(q, List.of(
        new TestRecord<>("a", "{\"ITEM\":\"pen\",\"QTY\":20}"),
        new TestRecord<>("b", "{\"ITEM\":\"cap\",\"QTY\":5}"),
        new TestRecord<>("c", null)));
    assertThat(out).extracting(TestRecord::key).containsExactly("a");
    assertThat(out.get(0).value()).isEqualTo("{\"ITEM\":\"PEN\",\"DOUBLED\":40}");
  }

  @Test
  void groupByCountsPerKeyWithoutRepartitioningOnTheSourceKey() {
    engine.execute("CREATE STREAM ORDERS (ID STRING KEY, QTY INT) WITH (KAFKA_TOPIC='orders', VALUE_FORMAT='JSON');"
        + "CREATE TABLE TOTALS AS SELECT ID, COUNT(*) AS N, SUM(QTY) AS Q FROM ORDERS GROUP BY ID;");
    PersistentQuery q = engine.queries().get(0);
    assertThat(q.id()).isEqualTo("CTAS_TOTALS_0");
    assertThat(q.topology().describe().toString()).doesNotContain("repartition");
    List<TestRecord<String, String>> out = run(q, List.of(
        new TestRecord<>("a", "{\"QTY\":1}"), new TestRecord<>("a", "{\"QTY\":2}"), new TestRecord<>("b", "{\"QTY\":5}")));
    assertThat(out).extracting(TestRecord::value)
        .containsExactly("{\"N\":1,\"Q\":1}", "{\"N\":2,\"Q\":3}", "{\"N\":1,\"Q\":5}");
  }

  @Test
  void correlationAggregatesTwoColumnsPerGroupIgnoringRowsWithANull() {
    engine.execute("CREATE STREAM POINTS (ID STRING KEY, X INT, Y DOUBLE) "
        + "WITH (KAFKA_TOPIC='orders', VALUE_FORMAT='JSON');"
        + "CREATE TABLE CORR AS SELECT ID, CORRELATION(X, Y) AS C FROM POINTS GROUP BY ID;");
    PersistentQuery q = engine.queries().get(0);
    assertThat(engine.metaStore().require("CORR").schema().toString()).isEqualTo("`ID` STRING KEY, `C` DOUBLE");
    List<TestRecord<String, String>> out = run(q, List.of(
        new TestRecord<>("a", "{\"X\":1,\"Y\":2.0}"), new TestRecord<>("a", "{\"X\":2,\"Y\":4.0}"),
        new TestRecord<>("a", "{\"X\":3,\"Y\":null}"), new TestRecord<>("b", "{\"X\":1,\"Y\":5.0}"),
        new TestRecord<>("b", "{\"X\":2,\"Y\":3.0}"), new TestRecord<>("b", "{\"X\":3,\"Y\":1.0}")));
    assertThat(out).extracting(TestRecord::value).containsExactly("{\"C\":\"NaN\"}", "{\"C\":1.0}",
        "{\"C\":1.0}", "{\"C\":\"NaN\"}", "{\"C\":-1.0}", "{\"C\":-1.0}");
  }

  @Test
  void badStatementsAreRejectedWithoutChangingTheMetastore() {
    engine.execute("CREATE STREAM ORDERS (ID STRING KEY, QTY INT) WITH (KAFKA_TOPIC='orders', VALUE_FORMAT='JSON');");
    assertThatThrownBy(() -> engine.execute("CREATE STREAM X AS SELECT ID, NOPE FROM ORDERS;"))
        .hasMessageContaining("SELECT column 'NOPE' cannot be resolved.");
    assertThatThrownBy(() -> engine.execute("CREATE STREAM X AS SELECT QTY FROM ORDERS;"))
        .hasMessageContaining("must include the key column ID in its projection");
    assertThatThrownBy(() -> engine.execute("CREATE TABLE X AS SELECT ID, MIN(QTY) FROM ORDERS WINDOW TUMBLING "
        + "(SIZE 1 SECOND) WHERE COUNT(*) > 1 GROUP BY ID;"))
        .hasMessageContaining("WHERE clause can not contain aggregate functions");
    assertThat(engine.metaStore().source("X")).isEmpty();
    assertThat(engine.queries()).isEmpty();
  }

  private static List<TestRecord<String, String>> run(PersistentQuery q, List<TestRecord<String, String>> input) {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, q.applicationId());
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:0");
    props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
    try (TopologyTestDriver driver = new TopologyTestDriver(q.topology(), props)) {
      TestInputTopic<String, String> in = driver.createInputTopic("orders", new StringSerializer(),
          new StringSerializer());
      input.forEach(in::pipeInput);
      TestOutputTopic<String, String> out = driver.createOutputTopic(q.sinkTopic(), new StringDeserializer(),
          new StringDeserializer());
      return out.readRecordsToList();
    }
  }
}
