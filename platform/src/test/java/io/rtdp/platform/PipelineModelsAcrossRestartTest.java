package io.rtdp.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.List;
import java.util.Map;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;
import org.junit.jupiter.api.Test;

/**
 * The models' windowed results across a restart of the KSQL server ({@link QueryResume}): a late
 * record read first after the restart is counted in its closed window, until stream time passes
 * that window again; with EMIT FINAL only if the window had not been emitted before the stop. A
 * real run rarely restarts just before a late record, so the end-to-end test seldom takes this path.
 */
class PipelineModelsAcrossRestartTest {
    private static final long MINUTE = IotPipelineModel.MINUTE;
    private static final Schema READING = SchemaBuilder.struct().field("device_id", Schema.STRING_SCHEMA)
            .field("site", Schema.STRING_SCHEMA).field("temperature", Schema.FLOAT64_SCHEMA).field("humidity", Schema.FLOAT64_SCHEMA)
            .field("battery", Schema.FLOAT64_SCHEMA).field("status", Schema.STRING_SCHEMA).field("event_time", Timestamp.SCHEMA)
            .build();
    private static final Schema ORDER = SchemaBuilder.struct().field("order_id", Schema.STRING_SCHEMA)
            .field("customer_id", Schema.STRING_SCHEMA).field("merchant_id", Schema.STRING_SCHEMA)
            .field("amount", Schema.FLOAT64_SCHEMA).field("currency", Schema.STRING_SCHEMA).field("country", Schema.STRING_SCHEMA)
            .field("event_time", Timestamp.SCHEMA).build();

    /** 0:30, 7:00, then 0:40 (late: its windows closed by 6:00), 7:05, and 0:50 (late again). */
    private static final List<Struct> READINGS = List.of(reading(30_000), reading(7 * MINUTE), reading(40_000),
            reading(7 * MINUTE + 5_000), reading(50_000));
    /** Where the restarted query read 0:40 first. */
    private static final int LATE_READING = 2;

    @Test
    void aLateReadingReadFirstAfterTheRestartIsCountedUntilStreamTimePassesItsWindowAgain() {
        IotPipelineModel notRestarted = new IotPipelineModel(READINGS, Map.of());
        IotPipelineModel restarted = new IotPipelineModel(READINGS, Map.of(
                IotPipelineModel.SITE_STATS_5M, new QueryResume(LATE_READING, -1)));

        // The 5-minute windows from -4:00 to 0:00 hold 0:30 and, after the restart, 0:40; 0:50 came
        // after 7:05 and stays out. Without the restart, 0:40 stays out too.
        assertThat(readings(notRestarted.siteStats5m(), 0)).isEqualTo(1);
        assertThat(readings(restarted.siteStats5m(), 0)).isEqualTo(2);
        assertThat(readings(restarted.siteStats5m(), -4 * MINUTE)).isEqualTo(2);
    }

    @Test
    void anEmitFinalWindowTakesTheLateReadingOnlyIfItWasNotEmittedBeforeTheStop() {
        // Emitted up to close time 6:50 (7:00 less the 10 s grace): the minute of 0:40 was emitted with one reading.
        IotPipelineModel emitted = new IotPipelineModel(READINGS, Map.of(
                IotPipelineModel.DEVICE_STATS_1M, new QueryResume(LATE_READING, 7 * MINUTE - 10_000)));
        // Emitted up to 0:50 only (emission runs at most once a second): the minute was still open.
        IotPipelineModel notEmitted = new IotPipelineModel(READINGS, Map.of(
                IotPipelineModel.DEVICE_STATS_1M, new QueryResume(LATE_READING, 50_000)));

        assertThat(emitted.deviceStats1m().get("d1@0@s1")[0]).isEqualTo(1);
        assertThat(notEmitted.deviceStats1m().get("d1@0@s1")[0]).isEqualTo(2);
        assertThat(notEmitted.deviceStats1m()).containsOnlyKeys("d1@0@s1", "d1@" + 7 * MINUTE + "@s1");
    }

    @Test
    void aSessionEmittedBeforeTheStopKeepsItsRowWhileTheStoreTakesTheLateReading() {
        // Sessions close 2:30 behind stream time: 0:30's closed at 7:00; emitted up to 4:30 before the stop, or not yet.
        Map<String, double[]> emitted = new IotPipelineModel(READINGS, Map.of(
                IotPipelineModel.DEVICE_SESSIONS, new QueryResume(LATE_READING, 4 * MINUTE + 30_000))).deviceSessions();
        Map<String, double[]> notEmitted = new IotPipelineModel(READINGS, Map.of(
                IotPipelineModel.DEVICE_SESSIONS, new QueryResume(LATE_READING, -1))).deviceSessions();
        Map<String, double[]> notRestarted = new IotPipelineModel(READINGS, Map.of()).deviceSessions();

        assertThat(emitted.get("d1@30000@s1")).containsExactly(30_000, 1);
        assertThat(notRestarted.get("d1@30000@s1")).containsExactly(30_000, 1);
        assertThat(notEmitted.get("d1@30000@s1")).containsExactly(40_000, 2);
    }

    @Test
    void aLateOrderReadFirstAfterTheRestartIsCountedInItsClosedWindows() {
        // 1:00, 20:00, then 2:00: its 15-minute windows (-10:00, -5:00, 0:00) closed by 16:00 at the latest.
        List<Struct> orders = List.of(order("o1", MINUTE), order("o2", 20 * MINUTE), order("o3", 2 * MINUTE));

        assertThat(CommercePipelineModel.merchantRevenue(orders, QueryResume.NOT_RESTARTED).get("m1@0")[0]).isEqualTo(1);
        assertThat(CommercePipelineModel.merchantRevenue(orders, new QueryResume(2, -1)).get("m1@0")[0]).isEqualTo(2);
        assertThat(CommercePipelineModel.merchantRevenue(orders, new QueryResume(1, -1)).get("m1@0")[0])
                .as("restarted before 20:00, which closes the window again").isEqualTo(1);
    }

    private static double readings(Map<String, double[]> siteStats, long windowStart) {
        return siteStats.get("s1@" + windowStart)[0];
    }

    private static Struct reading(long eventTime) {
        return new Struct(READING).put("device_id", "d1").put("site", "s1").put("temperature", 20.0).put("humidity", 50.0)
                .put("battery", 90.0).put("status", "OK").put("event_time", new Date(eventTime));
    }

    private static Struct order(String id, long eventTime) {
        return new Struct(ORDER).put("order_id", id).put("customer_id", "c1").put("merchant_id", "m1").put("amount", 10.0)
                .put("currency", "USD").put("country", "US").put("event_time", new Date(eventTime));
    }
}
