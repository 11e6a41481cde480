package io.rtdp.connectors.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTaskContext;
import org.apache.kafka.connect.storage.OffsetStorageReader;
import org.junit.jupiter.api.Test;

class GeneratorSourceTaskTest {

    @Test
    void theSameSeedGivesTheSameEventsAndAnotherSeedOthers() throws Exception {
        List<SourceRecord> first = runToEnd(start(config("7", 0, 1), Map.of()), 300);
        List<SourceRecord> second = runToEnd(start(config("7", 0, 1), Map.of()), 300);
        List<SourceRecord> otherSeed = runToEnd(start(config("8", 0, 1), Map.of()), 300);

        assertThat(first).hasSize(300);
        assertThat(values(second)).isEqualTo(values(first));
        assertThat(keys(second)).isEqualTo(keys(first));
        assertThat(values(otherSeed)).isNotEqualTo(values(first));
    }

    @Test
    void aTaskStartedFromItsLastOffsetGoesOnWithTheNextEventNoGapNoRepeat() throws Exception {
        List<SourceRecord> uninterrupted = runToEnd(start(config("7", 0, 1), Map.of()), 300);

        GeneratorSourceTask before = start(config("7", 0, 1), Map.of());
        List<SourceRecord> firstPart = new ArrayList<>(before.poll());
        before.stop();
        SourceRecord last = firstPart.get(firstPart.size() - 1);
        GeneratorSourceTask after = start(config("7", 0, 1), Map.of(last.sourcePartition(), last.sourceOffset()));
        List<SourceRecord> rest = runToEnd(after, 260);

        assertThat(firstPart).hasSize(40);
        List<Object> resumed = new ArrayList<>(values(firstPart));
        resumed.addAll(values(rest));
        assertThat(resumed).isEqualTo(values(uninterrupted));
    }

    @Test
    void tasksSplitTheKeysAndTheEventsWithoutOverlap() throws Exception {
        List<SourceRecord> task0 = runToEnd(start(config("7", 0, 2), Map.of()), 150);
        List<SourceRecord> task1 = runToEnd(start(config("7", 1, 2), Map.of()), 150);

        assertThat(task0).hasSize(150);
        assertThat(task1).hasSize(150);
        Set<Object> keys0 = new HashSet<>(keys(task0));
        Set<Object> keys1 = new HashSet<>(keys(task1));
        assertThat(keys0).doesNotContainAnyElementsOf(keys1);
        assertThat(keys0.size() + keys1.size()).isLessThanOrEqualTo(20);
        Set<Object> all = new HashSet<>(values(task0));
        all.addAll(values(task1));
        assertThat(all).hasSize(300);
    }

    @Test
    void aFinishedTaskIdlesAndStopWakesItAtOnce() throws Exception {
        GeneratorSourceTask task = start(config("7", 0, 1), Map.of());
        int generated = 0;
        while (generated < 300) {
            generated += task.poll().size();
        }
        CompletableFuture<List<SourceRecord>> idle = CompletableFuture.supplyAsync(() -> {
            try {
                return task.poll();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(100);
        assertThat(idle).as("a finished task waits instead of spinning").isNotDone();
        task.stop();
        assertThat(idle.get(300, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void recordsCarryTheEventTimeAsTimestampAndTheDeviceAsKey() throws Exception {
        List<SourceRecord> records = runToEnd(start(config("7", 0, 1), Map.of()), 300);
        for (SourceRecord r : records) {
            Struct value = (Struct) r.value();
            assertThat(r.key()).isEqualTo(value.getString("device_id"));
            assertThat(r.timestamp()).isEqualTo(((java.util.Date) value.get("event_time")).getTime());
            assertThat(r.topic()).isEqualTo("readings");
        }
        // step 1000 ms from 2026-01-01T00:00:00Z, no out-of-order share configured
        assertThat(records.get(3).timestamp()).isEqualTo(1_767_225_600_000L + 3_000L);
    }

    private static Map<String, String> config(String seed, int taskIndex, int taskCount) {
        Map<String, String> c = new HashMap<>();
        c.put("topic", "readings");
        c.put("domain", "iot-readings");
        c.put("seed", seed);
        c.put("keys", "20");
        c.put("count", "300");
        c.put("rate.per.second", "0");
        c.put("batch.size", "40");
        c.put("event.time.step.ms", "1000");
        c.put(GeneratorConfig.TASK_INDEX, Integer.toString(taskIndex));
        c.put(GeneratorConfig.TASK_COUNT, Integer.toString(taskCount));
        c.put("event.time.start", "2026-01-01T00:00:00Z");
        return c;
    }

    private static GeneratorSourceTask start(Map<String, String> config, Map<Map<String, ?>, Map<String, ?>> offsets) {
        GeneratorSourceTask task = new GeneratorSourceTask();
        task.initialize(new Context(offsets));
        task.start(config);
        return task;
    }

    /** Polls until the task has generated its whole slice of the count, then once more: it must have nothing left. */
    private static List<SourceRecord> runToEnd(GeneratorSourceTask task, int slice) throws InterruptedException {
        List<SourceRecord> all = new ArrayList<>();
        while (all.size() < slice) {
            all.addAll(task.poll());
        }
        task.stop();
        assertThat(task.poll()).isNull();
        return all;
    }

    private static List<Object> values(List<SourceRecord> records) {
        return records.stream().map(SourceRecord::value).toList();
    }

    private static List<Object> keys(List<SourceRecord> records) {
        return records.stream().map(SourceRecord::key).toList();
    }

    @Test
    void thePartitionIsStoredUnderTheSameBytesInEveryJvm() {
        // The worker keys offsets by these bytes; Map.of's order, which changes between JVMs, made a
        // restarted worker miss the offset and start the generator over from its first event.
        assertThat(json(GeneratorSourceTask.sourcePartition(0, 1, false))).isEqualTo("[\"generator\",{\"task\":0,\"tasks\":1}]");
    }

    @Test
    void anOffsetStoredUnderThePartitionOrderOfEarlierVersionsIsFound() throws Exception {
        GeneratorSourceTask before = start(config("7", 0, 1), Map.of());
        List<SourceRecord> firstPart = new ArrayList<>(before.poll());
        before.stop();
        SourceRecord last = firstPart.get(firstPart.size() - 1);

        GeneratorSourceTask after = start(config("7", 0, 1), Map.of(GeneratorSourceTask.sourcePartition(0, 1, true), last.sourceOffset()));

        assertThat(runToEnd(after, 260)).hasSize(260);
    }

    /** A partition as the worker's offset store keys it: JSON of [connector, partition], without schemas. */
    private static String json(Map<String, ?> partition) {
        JsonConverter converter = new JsonConverter();
        converter.configure(Map.of("schemas.enable", "false", "converter.type", "key"));
        return new String(converter.fromConnectData("offsets", null, List.of("generator", partition)), StandardCharsets.UTF_8);
    }

    /** The worker's offset store as a task sees it: the offsets committed before it started, found by their partition's bytes. */
    private record Context(Map<Map<String, ?>, Map<String, ?>> offsets) implements SourceTaskContext {
        @Override
        public Map<String, String> configs() {
            return Map.of();
        }

        @Override
        public PluginMetrics pluginMetrics() {
            throw new UnsupportedOperationException("the generator registers no metrics");
        }

        @Override
        public OffsetStorageReader offsetStorageReader() {
            return new OffsetStorageReader() {
                @Override
                @SuppressWarnings("unchecked")
                public <T> Map<String, Object> offset(Map<String, T> partition) {
                    return (Map<String, Object>) offsets.entrySet().stream().filter(e -> json(e.getKey()).equals(json(partition)))
                            .map(Map.Entry::getValue).findFirst().orElse(null);
                }

                @Override
                public <T> Map<Map<String, T>, Map<String, Object>> offsets(Collection<Map<String, T>> partitions) {
                    throw new UnsupportedOperationException("the generator reads one partition");
                }
            };
        }
    }
}
