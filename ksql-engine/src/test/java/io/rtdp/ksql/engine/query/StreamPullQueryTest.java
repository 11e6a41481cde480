package io.rtdp.ksql.engine.query;

import static io.rtdp.ksql.engine.query.Rows.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rtdp.ksql.engine.KsqlEngine;
import io.rtdp.ksql.engine.TestEngines;
import io.rtdp.ksql.engine.function.FunctionRegistry;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.IntegerSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Pull queries on streams (SPEC §3.2): the engine decodes the records of the server's topic scan. */
class StreamPullQueryTest {
  private final KsqlEngine engine = TestEngines.engine(FunctionRegistry.withBuiltIns(),
      new HashMap<>(Map.of("test_topic", 1)), (q, m, c) -> { });

  @BeforeEach
  void stream() {
    engine.execute("CREATE STREAM S1 (MYKEY INT KEY, MYVALUE INT) WITH (kafka_topic='test_topic', value_format='JSON');");
  }

  @Test
  void recordsDecodeThroughWhereAndTheProjection() {
    PullQuery q = engine.planPull("SELECT MYKEY, MYVALUE * 2 AS DOUBLEVALUE, ROWTIME FROM S1 WHERE MYVALUE >= 2;",
        Map.of());
    assertThat(q.queryId()).matches("query_[0-9]+");
    assertThat(q.persistentQueryId()).isNull();
    assertThat(ResultColumns.schema(q.columns())).isEqualTo("`MYKEY` INTEGER, `DOUBLEVALUE` INTEGER, `ROWTIME` BIGINT");
    StreamScan scan = q.streamScan().orElseThrow();
    assertThat(scan.topic()).isEqualTo("test_topic");
    assertThat(scan.limit()).isNull();
    assertThat(scan.decode(record(10, "{\"myvalue\": 1}", 12365))).isEmpty();
    assertThat(scan.decode(record(11, "{\"myvalue\": 2}", 12366))).contains(row(11, 4, 12366L));
    assertThat(scan.decode(record(12, null, 12367))).isEmpty();
    assertThat(scan.decode(record(13, "not json", 12368))).isEmpty();
    assertThatThrownBy(() -> q.execute(null)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void selectStarMarksNoKeyAndKeepsTheLimit() {
    PullQuery q = engine.planPull("SELECT * FROM S1 LIMIT 3;", Map.of());
    assertThat(ResultColumns.schema(q.columns())).isEqualTo("`MYKEY` INTEGER, `MYVALUE` INTEGER");
    assertThat(q.streamScan().orElseThrow().limit()).isEqualTo(3);
    assertThat(q.streamScan().orElseThrow().decode(record(10, "{\"myvalue\": 1}", 1))).isEqualTo(
        Optional.of(row(10, 1)));
  }

  @Test
  void unsupportedClausesCarryThePushQueryHint() {
    assertThatThrownBy(() -> engine.planPull("SELECT * FROM S1 GROUP BY MYKEY;", Map.of()))
        .hasMessage("Pull queries don't support GROUP BY clauses. See https://cnfl.io/queries for more info.\n"
            + "Add EMIT CHANGES if you intended to issue a push query.");
    assertThatThrownBy(() -> engine.planPull("SELECT mykey, myvalue, ROWOFFSET FROM S1;", Map.of()))
        .hasMessage("Pull queries don't support the following columns in SELECT clauses: `ROWOFFSET`");
    assertThatThrownBy(() -> engine.planPull("SELECT * FROM S1 LIMIT -1;", Map.of()))
        .hasMessageContaining("Pull queries don't support negative integers in the LIMIT clause.");
  }

  private static ConsumerRecord<byte[], byte[]> record(int key, String value, long timestamp) {
    return new ConsumerRecord<>("test_topic", 0, 0, timestamp, TimestampType.CREATE_TIME, 4,
        value == null ? -1 : value.length(), new IntegerSerializer().serialize("test_topic", key),
        value == null ? null : value.getBytes(StandardCharsets.UTF_8), new RecordHeaders(), Optional.empty());
  }
}
