package io.rtdp.ksql.engine.query;

import static io.rtdp.ksql.engine.query.Rows.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rtdp.ksql.engine.KsqlEngine;
import io.rtdp.ksql.engine.KsqlException;
import io.rtdp.ksql.engine.PersistentQuery;
import io.rtdp.ksql.engine.TestEngines;
import io.rtdp.ksql.engine.function.FunctionRegistry;
import io.rtdp.ksql.engine.pull.TablePullQuery;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Pull queries on tables materialized by CTAS (SPEC §3.2), read from the stores of the CTAS
 * topology in TopologyTestDriver; expectations from the rest vectors pull-queries-*.json.
 */
class TablePullQueryTest {
  private final Map<String, Integer> topics = new HashMap<>(Map.of("test_topic", 1, "left_topic", 1,
      "right_topic", 1));
  private final KsqlEngine engine = TestEngines.engine(FunctionRegistry.withBuiltIns(), topics, (q, m, c) -> { });
  private TopologyTestDriver driver;

  @AfterEach
  void close() {
    if (driver != null) {
      driver.close();
    }
  }

  /** Runs the statements, then feeds the (single) persistent query's source topic. */
  private void materialize(String statements, Consumer<TestInputTopic<String, String>> input) {
    engine.execute(statements);
    PersistentQuery q = engine.queries().get(engine.queries().size() - 1);
    driver = Drivers.driver(q.topology(), q.applicationId());
    input.accept(Drivers.stringKeys(driver, q.sourceTopics().get(0)));
  }

  private List<ResultRow> pull(String sql) {
    return engine.planPull(sql, Map.of()).execute(Drivers.stores(driver));
  }

  private void countsPerId() {
    materialize("CREATE STREAM INPUT (ID STRING KEY, IGNORED INT) WITH (kafka_topic='test_topic', value_format='JSON');"
        + "CREATE TABLE AGGREGATE AS SELECT ID, COUNT(1) AS COUNT FROM INPUT GROUP BY ID;", in -> {
          in.pipeInput("11", "{}", 12345);
          in.pipeInput("10", "{}", 12365);
          in.pipeInput("12", "{}", 12366);
          in.pipeInput("12", "{}", 12367);
        });
  }

  @Test
  void aKeyLookupIsAStoreGet() {
    countsPerId();
    PullQuery q = engine.planPull("SELECT * FROM AGGREGATE WHERE ID='10';", Map.of());
    assertThat(q.queryId()).matches("query_[0-9]+");
    assertThat(q.persistentQueryId()).isEqualTo("CTAS_AGGREGATE_0");
    assertThat(((TablePullQuery) q).lookup().isScan()).isFalse();
    assertThat(ResultColumns.schema(q.columns())).isEqualTo("`ID` STRING KEY, `COUNT` BIGINT");
    assertThat(q.execute(Drivers.stores(driver))).containsExactly(row("10", 1L));
    assertThat(pull("SELECT * FROM AGGREGATE WHERE ID='missing';")).isEmpty();
    assertThat(pull("SELECT ID, COUNT, ROWTIME FROM AGGREGATE WHERE ID='10';")).containsExactly(row("10", 1L, 12365L));
  }

  @Test
  void inListsLookUpEachKey() {
    countsPerId();
    PullQuery q = engine.planPull("SELECT * FROM AGGREGATE WHERE ID IN ('12', '10', 'missing');", Map.of());
    assertThat(((TablePullQuery) q).lookup().keys()).hasSize(3);
    assertThat(q.execute(Drivers.stores(driver))).containsExactly(row("12", 2L), row("10", 1L));
  }

  @Test
  void otherPredicatesScanTheTable() {
    countsPerId();
    PullQuery q = engine.planPull("SELECT ID FROM AGGREGATE WHERE COUNT > 1;", Map.of());
    assertThat(((TablePullQuery) q).lookup().isScan()).isTrue();
    assertThat(q.execute(Drivers.stores(driver))).containsExactly(row("12"));
    assertThat(pull("SELECT * FROM AGGREGATE;")).containsExactlyInAnyOrder(row("10", 1L), row("11", 1L),
        row("12", 2L));
    assertThat(pull("SELECT * FROM AGGREGATE WHERE ID > '10' AND COUNT < 2;")).containsExactly(row("11", 1L));
  }

  @Test
  void limitTruncatesTheResult() {
    countsPerId();
    assertThat(pull("SELECT * FROM AGGREGATE LIMIT 2;")).hasSize(2);
    assertThat(pull("SELECT * FROM AGGREGATE LIMIT 0;")).isEmpty();
    assertThat(engine.planPull("SELECT * FROM AGGREGATE LIMIT 2;", Map.of()).limit()).isEqualTo(2);
  }

  @Test
  void havingAndTheProjectionApplyOnRead() {
    materialize("CREATE STREAM INPUT (ID STRING KEY, V INT) WITH (kafka_topic='test_topic', value_format='JSON');"
        + "CREATE TABLE AGGREGATE AS SELECT ID, SUM(V) * 2 AS DOUBLED FROM INPUT GROUP BY ID HAVING COUNT(1) > 1;",
        in -> {
          in.pipeInput("a", "{\"V\": 1}", 1);
          in.pipeInput("b", "{\"V\": 5}", 2);
          in.pipeInput("b", "{\"V\": 7}", 3);
        });
    assertThat(pull("SELECT * FROM AGGREGATE;")).containsExactly(row("b", 24));
    assertThat(pull("SELECT * FROM AGGREGATE WHERE ID = 'a';")).isEmpty();
  }

  @Test
  void windowedLookupsHonourWindowBounds() {
    materialize("CREATE STREAM INPUT (ID STRING KEY, IGNORED INT) WITH (kafka_topic='test_topic', value_format='JSON');"
        + "CREATE TABLE AGGREGATE AS SELECT ID, COUNT(1) AS COUNT FROM INPUT WINDOW TUMBLING(SIZE 1 SECOND) "
        + "GROUP BY ID;", in -> {
          in.pipeInput("11", "{}", 12345);
          in.pipeInput("10", "{}", 11345);
          in.pipeInput("10", "{}", 12345);
        });
    PullQuery star = engine.planPull("SELECT * FROM AGGREGATE WHERE ID='10';", Map.of());
    assertThat(ResultColumns.schema(star.columns()))
        .isEqualTo("`ID` STRING KEY, `WINDOWSTART` BIGINT KEY, `WINDOWEND` BIGINT KEY, `COUNT` BIGINT");
    assertThat(star.execute(Drivers.stores(driver))).containsExactly(row("10", 11000L, 12000L, 1L),
        row("10", 12000L, 13000L, 1L));
    String exact = "SELECT ID, WINDOWSTART, WINDOWEND, ROWTIME, COUNT FROM AGGREGATE WHERE ID='10' AND WindowStart=";
    assertThat(pull(exact + "12000;")).containsExactly(row("10", 12000L, 13000L, 12345L, 1L));
    assertThat(pull(exact + "13000;")).isEmpty();
    assertThat(pull("SELECT ID, WINDOWSTART FROM AGGREGATE WHERE ID='10' AND WINDOWEND > 12000;"))
        .containsExactly(row("10", 12000L));
    assertThat(pull("SELECT ID, WINDOWSTART FROM AGGREGATE WHERE ID='10' AND WINDOWSTART >= '1970-01-01T00:00:12';"))
        .containsExactly(row("10", 12000L));
    assertThat(pull("SELECT ID, WINDOWSTART FROM AGGREGATE WHERE WINDOWSTART < 12000;"))
        .containsExactly(row("10", 11000L));
  }

  @Test
  void hoppingAndSessionWindowsAreReadToo() {
    materialize("CREATE STREAM INPUT (ID STRING KEY, V INT) WITH (kafka_topic='test_topic', value_format='JSON');"
        + "CREATE TABLE HOPS AS SELECT ID, SUM(V) AS S FROM INPUT WINDOW HOPPING(SIZE 2 SECONDS, ADVANCE BY 1 SECOND) "
        + "GROUP BY ID;", in -> in.pipeInput("a", "{\"V\": 3}", 1500));
    assertThat(pull("SELECT * FROM HOPS WHERE ID='a';")).containsExactly(row("a", 0L, 2000L, 3), row("a", 1000L,
        3000L, 3));
    driver.close();
    materialize("CREATE TABLE SESSIONS AS SELECT ID, SUM(V) AS S FROM INPUT WINDOW SESSION(10 SECONDS) GROUP BY ID;",
        in -> {
          in.pipeInput("a", "{\"V\": 3}", 1000);
          in.pipeInput("a", "{\"V\": 4}", 5000);
          in.pipeInput("b", "{\"V\": 1}", 7000);
        });
    assertThat(pull("SELECT * FROM SESSIONS WHERE ID='a';")).containsExactly(row("a", 1000L, 5000L, 7));
    assertThat(pull("SELECT ID, S FROM SESSIONS;")).containsExactlyInAnyOrder(row("a", 7), row("b", 1));
  }

  @Test
  void emitFinalTablesAreReadFromTheirAggregateStore() {
    materialize("CREATE STREAM INPUT (ID STRING KEY, V INT) WITH (kafka_topic='test_topic', value_format='JSON');"
        + "CREATE TABLE FINAL AS SELECT ID, SUM(V) AS S FROM INPUT WINDOW TUMBLING(SIZE 1 SECOND, GRACE PERIOD 0 SECONDS) "
        + "GROUP BY ID EMIT FINAL;", in -> {
          in.pipeInput("a", "{\"V\": 3}", 100);
          in.pipeInput("a", "{\"V\": 4}", 1500);
        });
    assertThat(pull("SELECT * FROM FINAL WHERE ID='a';")).containsExactly(row("a", 0L, 1000L, 3),
        row("a", 1000L, 2000L, 4));
  }

  @Test
  void tableProjectionsReadTheirSourceStore() {
    materialize("CREATE TABLE USERS (ID INT PRIMARY KEY, NAME STRING, AGE INT) WITH (kafka_topic='test_topic', "
        + "value_format='JSON');"
        + "CREATE TABLE ADULTS AS SELECT ID, UCASE(NAME) AS NAME FROM USERS WHERE AGE >= 18;", in -> { });
    TestInputTopic<Integer, String> in = Drivers.intKeys(driver, "test_topic");
    in.pipeInput(1, "{\"NAME\": \"ann\", \"AGE\": 30}", 1);
    in.pipeInput(2, "{\"NAME\": \"bob\", \"AGE\": 10}", 2);
    in.pipeInput(3, "{\"NAME\": \"cy\", \"AGE\": 40}", 3);
    in.pipeInput(3, null, 4);
    assertThat(pull("SELECT * FROM ADULTS WHERE ID = 1;")).containsExactly(row(1, "ANN"));
    assertThat(pull("SELECT * FROM ADULTS WHERE ID IN (2, 3);")).isEmpty();
    assertThat(pull("SELECT NAME FROM ADULTS;")).containsExactly(row("ANN"));
  }

  @Test
  void sourceTablesAreMaterializedByAnInternalQuery() {
    materialize("CREATE SOURCE TABLE INPUT (K INT PRIMARY KEY, text STRING) WITH (kafka_topic='test_topic', "
        + "value_format='DELIMITED');", in -> { });
    assertThat(engine.queries()).extracting(PersistentQuery::id).containsExactly("CST_INPUT_0");
    TestInputTopic<Integer, String> in = Drivers.intKeys(driver, "test_topic");
    in.pipeInput(1, "a1", 12345);
    in.pipeInput(2, "a2", 12345);
    in.pipeInput(3, "a3", 12345);
    PullQuery q = engine.planPull("SELECT * FROM INPUT WHERE K=2;", Map.of());
    assertThat(ResultColumns.schema(q.columns())).isEqualTo("`K` INTEGER KEY, `TEXT` STRING");
    assertThat(q.persistentQueryId()).isEqualTo("CST_INPUT_0");
    assertThat(q.execute(Drivers.stores(driver))).containsExactly(row(2, "a2"));
    assertThat(pull("SELECT K, TEXT FROM INPUT;")).containsExactlyInAnyOrder(row(1, "a1"), row(2, "a2"), row(3, "a3"));
    engine.execute("DROP TABLE INPUT;");
    assertThat(engine.queries()).isEmpty();
  }

  @Test
  void terminateAllEndsEveryQuery() {
    countsPerId();
    engine.execute("CREATE TABLE OTHER AS SELECT ID, COUNT(1) AS N FROM INPUT GROUP BY ID;");
    assertThat(engine.queries()).hasSize(2);
    engine.execute("TERMINATE ALL;");
    assertThat(engine.queries()).isEmpty();
    assertThatThrownBy(() -> engine.planPull("SELECT * FROM AGGREGATE;", Map.of()))
        .hasMessageContaining("The `AGGREGATE` table isn't queryable.");
  }

  @Test
  void tableTableJoinsKeepTheirResultInAStore() {
    engine.execute("CREATE TABLE L (ID STRING PRIMARY KEY, A INT) WITH (kafka_topic='left_topic', value_format='JSON');"
        + "CREATE TABLE R (ID STRING PRIMARY KEY, B INT) WITH (kafka_topic='right_topic', value_format='JSON');"
        + "CREATE TABLE J AS SELECT L.ID AS ID, A, B FROM L JOIN R ON L.ID = R.ID;");
    PersistentQuery q = engine.queries().get(0);
    driver = Drivers.driver(q.topology(), q.applicationId());
    Drivers.stringKeys(driver, "left_topic").pipeInput("k", "{\"A\": 1}", 1);
    Drivers.stringKeys(driver, "right_topic").pipeInput("k", "{\"B\": 2}", 2);
    Drivers.stringKeys(driver, "left_topic").pipeInput("m", "{\"A\": 3}", 3);
    assertThat(pull("SELECT * FROM J WHERE ID = 'k';")).containsExactly(row("k", 1, 2));
    assertThat(pull("SELECT * FROM J;")).containsExactly(row("k", 1, 2));
  }

  @Test
  void unsupportedClausesAndColumnsFailWithKsqlDbMessages() {
    countsPerId();
    assertError("SELECT * FROM AGGREGATE WHERE ID='10' GROUP BY ID;", "Pull queries don't support GROUP BY clauses");
    assertError("SELECT * FROM AGGREGATE WINDOW TUMBLING (SIZE 1 SECOND) WHERE ID='10';",
        "Pull queries don't support WINDOW clauses.");
    assertError("SELECT * FROM AGGREGATE A JOIN INPUT I ON A.ID=I.ID WHERE A.ID='10';",
        "Pull queries don't support JOIN clauses.");
    assertError("SELECT *, ROWPARTITION FROM AGGREGATE WHERE ID='2';",
        "Pull queries don't support the following columns in SELECT clauses: `ROWPARTITION`");
    assertError("SELECT ID FROM AGGREGATE WHERE ID = '2' AND ROWOFFSET < 3;",
        "Pull queries don't support the following columns in WHERE clauses: `ROWOFFSET`");
    assertError("SELECT * FROM AGGREGATE WHERE ID='10' AND WINDOWSTART=10;",
        "WHERE column 'WINDOWSTART' cannot be resolved");
    assertError("SELECT * FROM AGGREGATE WHERE ID=11;",
        "Error in WHERE expression: Cannot compare ID (STRING) to 11 (INTEGER) with EQUAL.\nStatement: (ID = 11)");
    assertError("SELECT * FROM AGGREGATE WHERE ID='10' EMIT CHANGES;", "Pull queries don't support EMIT clauses.");
    engine.execute("CREATE TABLE X (ID STRING PRIMARY KEY, V INT) WITH (kafka_topic='left_topic', value_format='JSON');");
    assertError("SELECT * FROM X WHERE ID = '100';", "The `X` table isn't queryable. To derive a queryable table, you "
        + "can do 'CREATE TABLE QUERYABLE_X AS SELECT * FROM X'. See https://cnfl.io/queries for more info.");
  }

  @Test
  void keysMustConvertToTheKeyType() {
    materialize("CREATE STREAM INPUT (ID INT KEY, IGNORED INT) WITH (kafka_topic='test_topic', value_format='JSON');"
        + "CREATE TABLE AGGREGATE AS SELECT ID, COUNT(1) AS COUNT FROM INPUT GROUP BY ID;", in -> { });
    assertError("SELECT * FROM AGGREGATE WHERE ID='10';",
        "Error in WHERE expression: Cannot compare ID (INTEGER) to '10' (STRING) with EQUAL.\nStatement: (ID = '10')");
    assertError("SELECT * FROM AGGREGATE WHERE ID IN ('10', 8);",
        "'10' can not be converted to the type of the key column: ID INTEGER KEY");
    assertError("SELECT * FROM AGGREGATE WHERE ID IN (NULL);", "Primary key columns can not be NULL: (ID = null)");
    assertError("SELECT * FROM AGGREGATE WHERE ID=NULL;", "Error in WHERE expression: Comparison with NULL not "
        + "supported: INTEGER = NULL\nUse 'IS NULL' or 'IS NOT NULL' instead.\nStatement: (ID = null)");
  }

  @Test
  void withoutTableScansOnlyKeyLookupsAreAllowed() {
    countsPerId();
    Map<String, Object> noScans = Map.of("ksql.query.pull.table.scan.enabled", false);
    assertThat(engine.planPull("SELECT * FROM AGGREGATE WHERE ID='10';", noScans).execute(Drivers.stores(driver)))
        .containsExactly(row("10", 1L));
    assertThatThrownBy(() -> engine.planPull("SELECT * FROM AGGREGATE WHERE COUNT = 100;", noScans))
        .hasMessage("WHERE clause missing key column for disjunct: (COUNT = 100)");
    assertThatThrownBy(() -> engine.planPull("SELECT * FROM AGGREGATE WHERE ID != '100';", noScans))
        .hasMessageContaining("Bound on key columns '[`ID` STRING KEY]' must currently be '='.");
    assertThat(engine.planPull("SELECT * FROM AGGREGATE WHERE ID <= '10';", noScans).execute(Drivers.stores(driver)))
        .containsExactly(row("10", 1L));
    Map<String, Object> noRanges = Map.of("ksql.query.pull.table.scan.enabled", false,
        "ksql.query.pull.range.scan.enabled", false);
    assertThatThrownBy(() -> engine.planPull("SELECT * FROM AGGREGATE WHERE ID <= '10';", noRanges))
        .hasMessage("Query requires table scan to be enabled");
    assertThatThrownBy(() -> engine.planPull("SELECT * FROM AGGREGATE WHERE ID >= '11' AND ID <= '13';", noScans))
        .hasMessage("A comparison condition on the key column cannot be combined with other comparisons such as an "
            + "IN predicate");
    assertThatThrownBy(() -> engine.planPull("SELECT * FROM AGGREGATE LIMIT 1;",
        Map.of("ksql.query.pull.limit.clause.enabled", "false")))
        .hasMessageStartingWith("LIMIT clause in pull queries is currently disabled.");
  }

  private void assertError(String sql, String message) {
    assertThatThrownBy(() -> engine.planPull(sql, Map.of())).isInstanceOf(KsqlException.class)
        .hasMessageContaining(message);
  }
}
