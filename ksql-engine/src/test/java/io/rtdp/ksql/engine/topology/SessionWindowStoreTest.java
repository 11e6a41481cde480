package io.rtdp.ksql.engine.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.rtdp.ksql.engine.KsqlEngine;
import io.rtdp.ksql.engine.PersistentQuery;
import io.rtdp.ksql.engine.TestEngines;
import io.rtdp.ksql.engine.function.FunctionRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;

/**
 * Session windows over {@link KeyedSessionStore}: sessions merge, close and expire as ksqlDB's do,
 * also when a key's session has been extended thousands of times (the case the store exists for).
 */
class SessionWindowStoreTest {
  private static final String CREATE_STREAM =
      "CREATE STREAM INPUT (ID STRING KEY, V STRING) WITH (KAFKA_TOPIC='input', VALUE_FORMAT='JSON');";

  private static PersistentQuery query(String select) {
    List<String> errors = new ArrayList<>();
    KsqlEngine engine = TestEngines.engine(FunctionRegistry.withBuiltIns(), Map.of("input", 1),
        (queryId, message, cause) -> errors.add(message));
    engine.execute(CREATE_STREAM + "\n" + select);
    assertThat(errors).isEmpty();
    return engine.queries().get(0);
  }

  private static TestRecord<String, String> reading(String key, long time) {
    return new TestRecord<>(key, "{\"V\":\"v" + time + "\"}", java.time.Instant.ofEpochMilli(time));
  }

  @Test
  void emitFinalWritesEachClosedSessionOnceWithAllItsRecords() {
    PersistentQuery q = query("CREATE TABLE S AS SELECT ID, COUNT(*) AS N, LATEST_BY_OFFSET(V) AS V FROM INPUT "
        + "WINDOW SESSION (10 SECONDS, GRACE PERIOD 0 SECONDS) GROUP BY ID EMIT FINAL;");
    List<TestRecord<String, String>> input = new ArrayList<>();
    // Two keys, each a record every 5 ms for 30 s: one long session each, extended 6000 times.
    for (long t = 0; t < 30_000; t += 5) {
      input.add(reading("a", t));
      input.add(reading("b", t));
    }
    // A late record of "a" inside its session, then stream time past both sessions' close.
    input.add(reading("a", 100));
    input.add(reading("c", 60_000));
    List<TestRecord<String, String>> out = TestEngines.run(q, "input", input);
    assertThat(out).extracting(TestRecord::value).containsExactly(
        "{\"N\":6001,\"V\":\"v100\"}", "{\"N\":6000,\"V\":\"v29995\"}");
  }

  @Test
  void emitChangesReplacesAMergedSessionByATombstone() {
    PersistentQuery q = query("CREATE TABLE S AS SELECT ID, COUNT(*) AS N FROM INPUT "
        + "WINDOW SESSION (20 SECONDS) GROUP BY ID EMIT CHANGES;");
    List<TestRecord<String, String>> out = TestEngines.run(q, "input",
        List.of(reading("a", 0), reading("a", 30_000), reading("a", 15_000)));
    // 0 and 30 000 are two sessions; 15 000, within the gap of both, bridges them into one, so both old ones are deleted.
    assertThat(out).extracting(TestRecord::value).containsExactly(
        "{\"N\":1}", "{\"N\":1}", null, null, "{\"N\":3}");
  }
}
