package io.rtdp.ksql.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rtdp.ksql.engine.function.FunctionRegistry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;

/**
 * Query ids set by the caller (a server's command offsets), CREATE OR REPLACE of a query's sink
 * (same id, new plan, ksqlDB's upgrade rules) and sandboxes copied from the live state.
 */
class QueryReplacementTest {
  private final KsqlEngine engine = TestEngines.engine(FunctionRegistry.withBuiltIns(), new HashMap<>(Map.of("orders", 1)),
      (queryId, message, cause) -> { });

  QueryReplacementTest() {
    engine.execute("CREATE STREAM ORDERS (ID STRING KEY, ITEM STRING, QTY INT)"
        + " WITH (KAFKA_TOPIC='orders', VALUE_FORMAT='JSON');", 0);
  }

  @Test
  void aQueryIsNumberedByTheSeedOfTheExecuteThatCreatedIt() {
    engine.execute("CREATE STREAM BIG AS SELECT * FROM ORDERS WHERE QTY > 10;", 42);
    engine.execute("CREATE STREAM ALL_ORDERS AS SELECT * FROM ORDERS;");
    assertThat(engine.queries()).extracting(PersistentQuery::id).containsExactly("CSAS_BIG_42", "CSAS_ALL_ORDERS_43");
  }

  @Test
  void createOrReplaceKeepsTheQueryIdAndRunsTheNewPlan() {
    engine.execute("CREATE STREAM BIG AS SELECT ID, QTY FROM ORDERS WHERE QTY > 10;", 2);
    engine.execute("CREATE OR REPLACE STREAM BIG AS SELECT ID, QTY, UCASE(ITEM) AS ITEM FROM ORDERS WHERE QTY > 0;", 4);

    assertThat(engine.queries()).hasSize(1);
    PersistentQuery q = engine.queries().get(0);
    assertThat(q.id()).isEqualTo("CSAS_BIG_2");
    assertThat(q.applicationId()).endsWith("query_CSAS_BIG_2");
    assertThat(q.sql()).startsWith("CREATE OR REPLACE");
    assertThat(engine.metaStore().require("BIG").schema().toString())
        .isEqualTo("`ID` STRING KEY, `QTY` INTEGER, `ITEM` STRING");
    List<TestRecord<String, String>> out = TestEngines.run(q, "orders",
        List.of(new TestRecord<>("a", "{\"ITEM\":\"pen\",\"QTY\":5}")));
    assertThat(out).extracting(TestRecord::value).containsExactly("{\"QTY\":5,\"ITEM\":\"PEN\"}");
    // Numbering goes on from the seed: the replacement consumed no number.
    engine.execute("CREATE STREAM ALL_ORDERS AS SELECT * FROM ORDERS;");
    assertThat(engine.queries().get(1).id()).isEqualTo("CSAS_ALL_ORDERS_4");
  }

  @Test
  void createOrReplaceRefusesWhatTheSinkOrTheQueryCannotFollow() {
    engine.execute("CREATE STREAM BIG AS SELECT ID, QTY, ITEM FROM ORDERS;");
    engine.execute("CREATE TABLE COUNTS AS SELECT ID, COUNT(*) AS N FROM ORDERS GROUP BY ID;");

    assertThatThrownBy(() -> engine.execute("CREATE OR REPLACE STREAM BIG AS SELECT ID, ITEM, QTY FROM ORDERS;"))
        .hasMessageEndingWith("The following columns are changed, missing or reordered: [`QTY` INTEGER, `ITEM` STRING]");
    assertThatThrownBy(() -> engine.execute("CREATE OR REPLACE STREAM BIG WITH (KAFKA_TOPIC='elsewhere') AS"
        + " SELECT ID, QTY, ITEM FROM ORDERS;"))
        .hasMessage("Cannot upgrade data source: DataSource 'BIG' has topic = BIG which is not upgradeable to elsewhere");
    assertThatThrownBy(() -> engine.execute("CREATE OR REPLACE TABLE COUNTS AS SELECT ID, COUNT(*) AS N, SUM(QTY) AS S"
        + " FROM ORDERS GROUP BY ID;")).hasMessageContaining("only stateless queries").hasMessageContaining("GROUP BY");
    assertThat(engine.metaStore().require("BIG").schema().toString())
        .isEqualTo("`ID` STRING KEY, `QTY` INTEGER, `ITEM` STRING");
  }

  @Test
  void aSandboxStartsFromTheLiveStateAndChangesNothingOfIt() {
    engine.execute("CREATE STREAM BIG AS SELECT * FROM ORDERS;", 2);
    Map<String, Integer> sandboxTopics = new HashMap<>(Map.of("orders", 1, "BIG", 1));
    KsqlEngine sandbox = engine.sandbox(TestEngines.topicsOf(sandboxTopics));

    sandbox.execute("TERMINATE CSAS_BIG_2; DROP STREAM BIG; CREATE STREAM SMALL AS SELECT * FROM ORDERS;", 6);

    assertThat(sandbox.queries()).extracting(PersistentQuery::id).containsExactly("CSAS_SMALL_6");
    assertThat(sandboxTopics).containsOnlyKeys("orders", "BIG", "SMALL");
    assertThat(engine.queries()).extracting(PersistentQuery::id).containsExactly("CSAS_BIG_2");
    assertThat(engine.metaStore().source("BIG")).isPresent();
    assertThat(engine.metaStore().source("SMALL")).isEmpty();
  }
}
