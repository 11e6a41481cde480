package io.rtdp.bench.engine;

import io.rtdp.testkit.TempDirs;
import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

/** Pipes records through one topology in a fresh TopologyTestDriver, under the same settings for either side. */
final class DriverRun {
    /** Output is drained this often so that the driver's output queue does not hold a million records. */
    private static final int DRAIN_EVERY = 10_000;

    private DriverRun() {
    }

    /**
     * Records per second of wall time, and per second of this process's CPU time (all its threads, so GC and
     * JIT count too): on a machine shared with other work the second moves less with that work.
     */
    record Rate(double wall, double cpu) {
    }

    /** Rates over all of {@code orders}, from the first record piped to the last output read. */
    static Rate rate(Topology topology, String sinkTopic, Orders orders) {
        return withDriver(topology, driver -> {
            TestInputTopic<byte[], byte[]> in = input(driver);
            TestOutputTopic<byte[], byte[]> out = output(driver, sinkTopic);
            OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            long cpuStart = os.getProcessCpuTime();
            long start = System.nanoTime();
            for (int i = 0; i < orders.size(); i++) {
                in.pipeInput(orders.keys[i], orders.values[i], orders.timestamps[i]);
                if (i % DRAIN_EVERY == DRAIN_EVERY - 1) {
                    out.readRecordsToList();
                }
            }
            out.readRecordsToList();
            long wallNanos = System.nanoTime() - start;
            long cpuNanos = os.getProcessCpuTime() - cpuStart;
            return new Rate(orders.size() / (wallNanos / 1e9), orders.size() / (cpuNanos / 1e9));
        });
    }

    /** Every output record of the first {@code count} input records, to check that both sides do the same work. */
    static List<TestRecord<byte[], byte[]>> outputs(Topology topology, String sinkTopic, Orders orders, int count) {
        return withDriver(topology, driver -> {
            TestInputTopic<byte[], byte[]> in = input(driver);
            TestOutputTopic<byte[], byte[]> out = output(driver, sinkTopic);
            List<TestRecord<byte[], byte[]>> records = new ArrayList<>();
            for (int i = 0; i < Math.min(count, orders.size()); i++) {
                in.pipeInput(orders.keys[i], orders.values[i], orders.timestamps[i]);
                records.addAll(out.readRecordsToList());
            }
            return records;
        });
    }

    private interface DriverWork<T> {
        T run(TopologyTestDriver driver);
    }

    private static <T> T withDriver(Topology topology, DriverWork<T> work) {
        Path stateDir = TempDirs.create("bench-engine");
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "bench");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:0");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        // Every update is emitted (EMIT CHANGES), so both sides write the same records whatever the cache does.
        props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
        try (TopologyTestDriver driver = new TopologyTestDriver(topology, props, Instant.EPOCH)) {
            return work.run(driver);
        } finally {
            TempDirs.delete(stateDir);
        }
    }

    private static TestInputTopic<byte[], byte[]> input(TopologyTestDriver driver) {
        return driver.createInputTopic(Orders.TOPIC, new ByteArraySerializer(), new ByteArraySerializer());
    }

    private static TestOutputTopic<byte[], byte[]> output(TopologyTestDriver driver, String topic) {
        return driver.createOutputTopic(topic, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }
}
