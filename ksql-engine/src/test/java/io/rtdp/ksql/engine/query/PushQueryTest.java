package io.rtdp.ksql.engine.query;

import static io.rtdp.ksql.engine.query.Rows.row;
import static io.rtdp.ksql.engine.query.Rows.tombstone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rtdp.ksql.engine.KsqlEngine;
import io.rtdp.ksql.engine.KsqlException;
import io.rtdp.ksql.engine.PersistentQuery;
import io.rtdp.ksql.engine.TestEngines;
import io.rtdp.ksql.engine.function.FunctionRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;

/** Push queries (SPEC §3.1): rows of the rest vectors' push-queries.json arrive through the callback. */
class PushQueryTest {
  private final Map<String, Integer> topics = new HashMap<>(Map.of("test_topic", 1, "test_topic_1", 1,
      "test_topic_2", 1));
  private final KsqlEngine engine = TestEngines.engine(FunctionRegistry.withBuiltIns(), topics, (q, m, c) -> { });
  private final List<ResultRow> rows = new CopyOnWriteArrayList<>();

  @Test
  void streamRowsArriveInProjectionOrderUpToTheLimit() {
    engine.execute("CREATE STREAM INPUT (K STRING KEY, ID INT) WITH (kafka_topic='test_topic', value_format='JSON');");
    Map<String, Integer> topicsBefore = new HashMap<>(topics);
    PushQuery q = engine.planPush("SELECT ID, K FROM INPUT EMIT CHANGES LIMIT 2;", Map.of(), rows::add);

    assertThat(q.queryId()).matches("transient_INPUT_[1-9][0-9]*");
    assertThat(q.applicationId()).matches("_confluent-ksql-default_transient_" + q.queryId() + "_[0-9]+");
    assertThat(q.limit()).isEqualTo(2);
    assertThat(q.sourceTopics()).containsExactly("test_topic");
    assertThat(ResultColumns.schema(q.columns())).isEqualTo("`ID` INTEGER, `K` STRING");
    try (TopologyTestDriver driver = Drivers.driver(q.topology(), q.applicationId())) {
      TestInputTopic<String, String> in = Drivers.stringKeys(driver, "test_topic");
      in.pipeInput("11", "{\"id\": 100}", 12345);
      in.pipeInput("11", "{\"id\": 101}", 12365);
      in.pipeInput("11", "{\"id\": 102}", 12375);
    }
    assertThat(rows).containsExactly(row(100, "11"), row(101, "11"));
    assertThat(topics).isEqualTo(topicsBefore);
    assertThat(engine.queries()).isEmpty();
    assertThat(engine.metaStore().source("INPUT")).isPresent();
  }

  @Test
  void pseudoColumnsMayBeProjectedUnaliased() {
    engine.execute("CREATE STREAM INPUT (K STRING KEY, ID INT) WITH (kafka_topic='test_topic', value_format='JSON');");
    PushQuery q = engine.planPush("SELECT ROWTIME, * FROM INPUT EMIT CHANGES LIMIT 2;", Map.of(), rows::add);
    assertThat(ResultColumns.schema(q.columns())).isEqualTo("`ROWTIME` BIGINT, `K` STRING, `ID` INTEGER");
    try (TopologyTestDriver driver = Drivers.driver(q.topology(), q.applicationId())) {
      Drivers.stringKeys(driver, "test_topic").pipeInput("11", "{\"id\": 100}", 12345);
    }
    assertThat(rows).containsExactly(row(12345L, "11", 100));
  }

  @Test
  void tableUpdatesAndDeletesArriveAsRowsAndTombstones() {
    engine.execute("CREATE TABLE INPUT (K INT PRIMARY KEY, ID INT) WITH (kafka_topic='test_topic', "
        + "value_format='JSON', partitions=1);");
    PushQuery q = engine.planPush("SELECT * FROM INPUT EMIT CHANGES LIMIT 5;", Map.of(), rows::add);
    try (TopologyTestDriver driver = Drivers.driver(q.topology(), q.applicationId())) {
      TestInputTopic<Integer, String> in = Drivers.intKeys(driver, "test_topic");
      in.pipeInput(10, "{\"id\": 110}", 1);
      in.pipeInput(10, null, 2);
      in.pipeInput(null, "{\"id\": 123}", 3);
      in.pipeInput(11, "{}", 4);
      in.pipeInput(11, "{\"id\": null}", 5);
      in.pipeInput(11, "{\"id\": 111}", 6);
    }
    assertThat(rows).containsExactly(row(10, 110), tombstone(10, null), row(11, null), row(11, null), row(11, 111));
  }

  @Test
  void tombstonesOfATableWhoseKeyIsNotProjectedHaveOnlyNulls() {
    engine.execute("CREATE TABLE INPUT (K INT PRIMARY KEY, ID INT) WITH (kafka_topic='test_topic', "
        + "value_format='JSON', partitions=1);");
    PushQuery q = engine.planPush("SELECT ID FROM INPUT EMIT CHANGES LIMIT 5;", Map.of(), rows::add);
    try (TopologyTestDriver driver = Drivers.driver(q.topology(), q.applicationId())) {
      TestInputTopic<Integer, String> in = Drivers.intKeys(driver, "test_topic");
      in.pipeInput(10, "{\"id\": 110}", 1);
      in.pipeInput(10, null, 2);
    }
    assertThat(rows).containsExactly(row(110), tombstone((Object) null));
  }

  @Test
  void windowedAggregationsCarryWindowBoundsAndNeedNotProjectTheKey() {
    engine.execute("CREATE STREAM INPUT (K STRING, ID INT) WITH (kafka_topic='test_topic', value_format='JSON');");
    PushQuery q = engine.planPush("SELECT K, COUNT(K) AS COUNT, WINDOWSTART, WINDOWEND FROM INPUT "
        + "WINDOW TUMBLING (SIZE 1 MINUTE) GROUP BY K EMIT CHANGES LIMIT 2;", Map.of(), rows::add);
    List<ResultRow> counts = new ArrayList<>();
    PushQuery unkeyed = engine.planPush("SELECT COUNT(1) AS COUNT FROM INPUT GROUP BY ID EMIT CHANGES LIMIT 2;",
        Map.of(), counts::add);
    assertThat(ResultColumns.schema(q.columns()))
        .isEqualTo("`K` STRING, `COUNT` BIGINT, `WINDOWSTART` BIGINT, `WINDOWEND` BIGINT");
    assertThat(ResultColumns.schema(unkeyed.columns())).isEqualTo("`COUNT` BIGINT");
    for (PushQuery p : List.of(q, unkeyed)) {
      try (TopologyTestDriver driver = Drivers.driver(p.topology(), p.applicationId())) {
        TestInputTopic<String, String> in = Drivers.stringKeys(driver, "test_topic");
        in.pipeInput(null, "{\"K\": \"a\", \"ID\": 2}", 0);
        in.pipeInput(null, "{\"K\": \"b\", \"ID\": 2}", 0);
        in.pipeInput(null, "{\"K\": \"a\", \"ID\": 3}", 0);
      }
    }
    assertThat(rows).containsExactly(row("a", 1L, 0L, 60000L), row("b", 1L, 0L, 60000L));
    assertThat(counts).containsExactly(row(1L), row(2L));
  }

  @Test
  void aggregatesWithoutGroupByFoldEveryRowIntoOneGroup() {
    engine.execute("CREATE STREAM TEST (K INT KEY, ID INT) WITH (kafka_topic='test_topic', value_format='JSON');");
    PushQuery q = engine.planPush("SELECT sum(ID) AS sum, count(*) AS count FROM test EMIT CHANGES LIMIT 2;", Map.of(),
        rows::add);
    assertThat(ResultColumns.schema(q.columns())).isEqualTo("`SUM` INTEGER, `COUNT` BIGINT");
    try (TopologyTestDriver driver = Drivers.driver(q.topology(), q.applicationId())) {
      TestInputTopic<Integer, String> in = Drivers.intKeys(driver, "test_topic");
      in.pipeInput(1, "{\"ID\": 2}", 1);
      in.pipeInput(7, "{\"ID\": 2}", 2);
    }
    assertThat(rows).containsExactly(row(2, 1L), row(4, 2L));
    assertThatThrownBy(() -> engine.execute("CREATE TABLE T AS SELECT COUNT(*) AS C FROM TEST;"))
        .hasMessageContaining("Aggregation without GROUP BY is not supported yet");
  }

  @Test
  void windowedTableTombstonesKeepTheirKeyAndWindow() {
    engine.execute("CREATE STREAM INPUT (K INT KEY, VAL INT) WITH (kafka_topic='test_topic', value_format='JSON');"
        + "CREATE TABLE AGGREGATE AS SELECT SUM(VAL) AS SUM, K FROM INPUT WINDOW TUMBLING(SIZE 1 SECOND) "
        + "GROUP BY K HAVING SUM(VAL) > 0;");
    PersistentQuery ctas = engine.queries().get(0);
    PushQuery q = engine.planPush("SELECT * FROM AGGREGATE EMIT CHANGES LIMIT 3;", Map.of(), rows::add);
    List<ResultRow> bounds = new ArrayList<>();
    PushQuery onlyBounds = engine.planPush("SELECT SUM, WINDOWSTART, WINDOWEND FROM AGGREGATE EMIT CHANGES LIMIT 3;",
        Map.of(), bounds::add);
    assertThat(ResultColumns.schema(q.columns()))
        .isEqualTo("`K` INTEGER, `WINDOWSTART` BIGINT, `WINDOWEND` BIGINT, `SUM` INTEGER");
    try (TopologyTestDriver aggregate = Drivers.driver(ctas.topology(), ctas.applicationId());
        TopologyTestDriver push = Drivers.driver(q.topology(), q.applicationId());
        TopologyTestDriver push2 = Drivers.driver(onlyBounds.topology(), onlyBounds.applicationId())) {
      TestInputTopic<Integer, String> in = Drivers.intKeys(aggregate, "test_topic");
      in.pipeInput(11, "{\"val\": 10}", 1);
      in.pipeInput(11, "{\"val\": -20}", 2);
      in.pipeInput(11, "{\"val\": 21}", 3);
      Drivers.forward(aggregate, "AGGREGATE", push, push2);
    }
    assertThat(rows).containsExactly(row(11, 0L, 1000L, 10), tombstone(11, 0L, 1000L, null), row(11, 0L, 1000L, 11));
    assertThat(bounds).containsExactly(row(10, 0L, 1000L), tombstone(null, 0L, 1000L), row(11, 0L, 1000L));
  }

  @Test
  void emitFinalHandsOnlyClosedWindows() {
    engine.execute("CREATE STREAM INPUT (K STRING KEY, V INT) WITH (kafka_topic='test_topic', value_format='JSON');");
    PushQuery q = engine.planPush("SELECT K, SUM(V) AS S, WINDOWSTART FROM INPUT "
        + "WINDOW TUMBLING (SIZE 1 SECOND, GRACE PERIOD 0 SECONDS) GROUP BY K EMIT FINAL;", Map.of(), rows::add);
    try (TopologyTestDriver driver = Drivers.driver(q.topology(), q.applicationId())) {
      TestInputTopic<String, String> in = Drivers.stringKeys(driver, "test_topic");
      in.pipeInput("a", "{\"V\": 1}", 100);
      in.pipeInput("a", "{\"V\": 2}", 200);
      assertThat(rows).isEmpty();
      in.pipeInput("a", "{\"V\": 5}", 1500);
    }
    assertThat(rows).containsExactly(row("a", 3, 0L));
  }

  @Test
  void partitionByNeedNotProjectTheNewKey() {
    engine.execute("CREATE STREAM INPUT (K STRING KEY, ID INT, NAME STRING) WITH (kafka_topic='test_topic', "
        + "value_format='JSON');");
    PushQuery q = engine.planPush("SELECT NAME, K FROM INPUT PARTITION BY ID EMIT CHANGES;", Map.of(), rows::add);
    assertThat(ResultColumns.schema(q.columns())).isEqualTo("`NAME` STRING, `K` STRING");
    try (TopologyTestDriver driver = Drivers.driver(q.topology(), q.applicationId())) {
      Drivers.stringKeys(driver, "test_topic").pipeInput("k1", "{\"ID\": 5, \"NAME\": \"n\"}", 1);
    }
    assertThat(rows).containsExactly(row("n", "k1"));
  }

  @Test
  void joinsRunToTheCallback() {
    engine.execute("CREATE STREAM INPUT_1 (K STRING KEY, ID INT) WITH (kafka_topic='test_topic_1', value_format='JSON');"
        + "CREATE STREAM INPUT_2 (K STRING KEY, ID INT) WITH (kafka_topic='test_topic_2', value_format='JSON');");
    PushQuery q = engine.planPush("SELECT * FROM INPUT_1 I1 JOIN INPUT_2 I2 WITHIN 60 SECONDS ON I1.K = I2.K "
        + "EMIT CHANGES LIMIT 1;", Map.of(), rows::add);
    assertThat(q.queryId()).startsWith("transient_I1_");
    assertThat(ResultColumns.schema(q.columns()))
        .isEqualTo("`I1_K` STRING, `I1_ID` INTEGER, `I2_K` STRING, `I2_ID` INTEGER");
    try (TopologyTestDriver driver = Drivers.driver(q.topology(), q.applicationId())) {
      Drivers.stringKeys(driver, "test_topic_1").pipeInput("x", "{\"id\": 100}", 12345);
      Drivers.stringKeys(driver, "test_topic_2").pipeInput("x", "{\"id\": 101}", 12365);
      Drivers.stringKeys(driver, "test_topic_2").pipeInput("x", "{\"id\": 102}", 12366);
    }
    assertThat(rows).containsExactly(row("x", 100, "x", 101));
  }

  @Test
  void planningErrorsCarryKsqlDbMessages() {
    engine.execute("CREATE STREAM INPUT (ID INT) WITH (kafka_topic='test_topic', value_format='JSON');");
    assertThatThrownBy(() -> engine.planPush("SELECT 1 + NULL FROM INPUT EMIT CHANGES;", Map.of(), rows::add))
        .isInstanceOf(KsqlException.class)
        .hasMessageContaining("Error processing expression: (1 + null). Arithmetic on types INTEGER and null are not "
            + "supported.");
    engine.execute("CREATE STREAM TEST (K INT KEY, IGNORED INT) WITH (kafka_topic='test_topic', value_format='JSON');");
    assertThatThrownBy(() -> engine.planPush("SELECT count(1) FROM test WINDOW TUMBLING (SIZE 1 SECOND) GROUP BY K "
        + "having min(windowstart) > 1000 EMIT CHANGES LIMIT 1;", Map.of(), rows::add))
        .hasMessageContaining("Window bounds column WINDOWSTART can only be used in the SELECT clause of windowed "
            + "aggregations");
  }

  @Test
  void thePushOrPullKindFollowsTheEmitClause() {
    engine.execute("CREATE STREAM INPUT (ID INT) WITH (kafka_topic='test_topic', value_format='JSON');");
    assertThat(engine.isPushQuery("SELECT * FROM INPUT EMIT CHANGES;")).isTrue();
    assertThat(engine.isPushQuery("SELECT * FROM INPUT;")).isFalse();
    assertThatThrownBy(() -> engine.isPushQuery("SHOW STREAMS;")).isInstanceOf(KsqlException.class);
  }
}
