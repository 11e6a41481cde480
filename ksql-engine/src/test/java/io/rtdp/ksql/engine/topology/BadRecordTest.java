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

/** A record that cannot be deserialized is logged with where it came from and skipped. */
class BadRecordTest {
  private final List<DeserializationError> errors = new ArrayList<>();
  private final List<String> plainErrors = new ArrayList<>();
  private final KsqlEngine engine = TestEngines.engine(FunctionRegistry.withBuiltIns(), Map.of("in", 1),
      new ProcessingLog() {
        @Override
        public void error(String queryId, String message, Throwable cause) {
          plainErrors.add(message);
        }

        @Override
        public void deserializationError(DeserializationError error) {
          errors.add(error);
        }
      });

  @Test
  void malformedJsonBetweenTwoGoodRecordsIsLoggedAndSkipped() {
    engine.execute("CREATE STREAM S (ID STRING KEY, N INT) WITH (KAFKA_TOPIC='in', VALUE_FORMAT='JSON');"
        + "CREATE STREAM OUT AS SELECT ID, N + 1 AS M FROM S;");
    PersistentQuery q = engine.queries().get(0);

    List<TestRecord<String, String>> out = TestEngines.run(q, "in", List.of(
        new TestRecord<>("a", "{\"N\":1}"), new TestRecord<>("b", "{\"N\": oops"), new TestRecord<>("c", "{\"N\":3}")));

    assertThat(out).extracting(TestRecord::value).containsExactly("{\"M\":2}", "{\"M\":4}");
    assertThat(errors).hasSize(1);
    DeserializationError e = errors.get(0);
    assertThat(e.queryId()).isEqualTo(q.id());
    assertThat(e.topic()).isEqualTo("in");
    assertThat(e.partition()).isZero();
    assertThat(e.offset()).isEqualTo(1);
    assertThat(e.target()).isEqualTo("value");
    assertThat(e.errorMessage()).startsWith("Failed to deserialize JSON: ").contains("oops");
    assertThat(e.causes()).isNotEmpty();
    assertThat(plainErrors).isEmpty();
  }

  @Test
  void aValueOfTheWrongTypeIsReportedAsWell() {
    engine.execute("CREATE TABLE T (ID STRING PRIMARY KEY, N INT) WITH (KAFKA_TOPIC='in', VALUE_FORMAT='JSON');"
        + "CREATE TABLE OUT AS SELECT ID, N FROM T;");

    List<TestRecord<String, String>> out = TestEngines.run(engine.queries().get(0), "in", List.of(
        new TestRecord<>("a", "{\"N\":\"not a number\"}"), new TestRecord<>("b", "{\"N\":2}")));

    assertThat(out).extracting(TestRecord::key).containsExactly("b");
    assertThat(errors).extracting(DeserializationError::offset).containsExactly(0L);
  }

  @Test
  void aSourceWithATimestampColumnSkipsTheBadRecordToo() {
    engine.execute("CREATE STREAM S (ID STRING KEY, TS BIGINT) WITH (KAFKA_TOPIC='in', VALUE_FORMAT='JSON', "
        + "TIMESTAMP='TS');"
        + "CREATE STREAM OUT AS SELECT * FROM S;");

    List<TestRecord<String, String>> out = TestEngines.run(engine.queries().get(0), "in", List.of(
        new TestRecord<>("a", "{\"TS\":10}"), new TestRecord<>("b", "]"), new TestRecord<>("c", "{\"TS\":20}")));

    assertThat(out).extracting(TestRecord::timestamp).containsExactly(10L, 20L);
    assertThat(errors).extracting(DeserializationError::offset).containsExactly(1L);
  }

  @Test
  void aWindowedKeyWithoutItsWindowIsReportedAsAKeyError() {
    engine.execute("CREATE STREAM W (ID STRING KEY, N INT) WITH (KAFKA_TOPIC='in', VALUE_FORMAT='JSON', "
        + "WINDOW_TYPE='TUMBLING', WINDOW_SIZE='1 SECOND');"
        + "CREATE STREAM OUT AS SELECT * FROM W;");

    List<TestRecord<String, String>> out = TestEngines.run(engine.queries().get(0), "in",
        List.of(new TestRecord<>("a", "{\"N\":1}")));

    assertThat(out).isEmpty();
    assertThat(errors).extracting(DeserializationError::target).containsExactly("key");
  }

  @Test
  void logsWithoutStructuredEntriesGetOneLineNamingTheRecordAndCause() {
    List<String> lines = new ArrayList<>();
    KsqlEngine plain = TestEngines.engine(FunctionRegistry.withBuiltIns(), Map.of("in", 1),
        (queryId, message, cause) -> lines.add(queryId + " " + message));
    plain.execute("CREATE STREAM S (ID STRING KEY, N INT) WITH (KAFKA_TOPIC='in', VALUE_FORMAT='JSON');"
        + "CREATE STREAM OUT AS SELECT * FROM S;");

    TestEngines.run(plain.queries().get(0), "in", List.of(new TestRecord<>("a", "{")));

    assertThat(lines).singleElement().asString()
        .startsWith("CSAS_OUT_0 Failed to deserialize value of record at in-0@0: ");
  }
}
