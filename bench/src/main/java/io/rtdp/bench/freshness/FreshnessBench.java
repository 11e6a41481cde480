package io.rtdp.bench.freshness;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.rtdp.testkit.TempDirs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * {@code ./rtdp bench freshness [RATE] [SECONDS]}: the time from an event's production to its
 * effect being visible (a) in a pull query, (b) in PostgreSQL, (c) through the query service's API,
 * while {@link ReadingLoad} writes RATE readings per second (default 5000) into the platform that
 * {@code ./rtdp up} starts. Once the pipeline has caught up with the load (see
 * {@link #waitUntilCaughtUp}), every 500 ms a probe reading of a new device (hot
 * enough to raise an alert) is written; one poller per path asks until it sees the probe's effect
 * (every 50 ms, or every tenth of the time waited so far once that is longer: a poll overstates by
 * at most a tenth, and the pollers, which share the machine's cores with the platform, stay cheap),
 * and the time from just before the send to the first answer that shows it is that path's
 * freshness. Prints the pipeline's largest lag every 15 s (growing from line to line: the platform
 * does not sustain the rate), the CPU each server used per 1 000 readings, p50/p99 per path (a probe
 * never seen within 120 s counts as slower than all others), the rate reached, and the lags at the end.
 */
public final class FreshnessBench {
    private static final long WARM_UP_MS = 15_000;
    /** Longest wait for the pipeline to catch up with the load before measuring anyway. */
    private static final long CATCH_UP_LIMIT_MS = 300_000;
    /** Caught up: no consumer group behind by more than this much of the load's input. */
    private static final double CAUGHT_UP_SECONDS_OF_INPUT = 2.0;
    private static final long PROBE_EVERY_MS = 500;
    private static final long POLL_EVERY_MS = 50;
    private static final long GIVE_UP_MS = 120_000;
    private static final long PROGRESS_EVERY_MS = 15_000;
    /** The consumer groups whose lag is printed, the highest first: enough to see every stage that fell behind. */
    private static final int LAGS_SHOWN = 6;

    private FreshnessBench() {
    }

    public static void main(String[] args) throws Exception {
        int rate = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        Path home = Path.of(System.getProperty("rtdp.home", "..")).toAbsolutePath().normalize();
        Path dataDir = Files.createTempDirectory("rtdp-bench-freshness");
        System.out.printf("freshness: starting the platform (data dir %s) ...%n", dataDir);
        try (LaunchedPlatform platform = new LaunchedPlatform(home, dataDir)) {
            String bootstrap = platform.url("kafka");
            Map<String, Supplier<VisibilityPath>> paths = new LinkedHashMap<>();
            paths.put("a", () -> VisibilityPath.pullQuery(platform.url("ksql-server")));
            paths.put("b", () -> VisibilityPath.postgres(platform.url("postgres")));
            paths.put("c1", () -> VisibilityPath.apiHistory(platform.url("query-service")));
            paths.put("c2", () -> VisibilityPath.apiLive(platform.url("query-service")));
            Map<String, List<Long>> latencies = new ConcurrentHashMap<>();
            Map<String, Integer> missed = new ConcurrentHashMap<>();
            ExecutorService pollers = Executors.newCachedThreadPool();
            long loadStart = System.nanoTime();
            long sent;
            try (ReadingLoad load = new ReadingLoad(bootstrap, rate); KafkaProducer<String, String> probes = ReadingLoad.producer(bootstrap)) {
                load.start();
                Thread.sleep(WARM_UP_MS);
                waitUntilCaughtUp(bootstrap, rate, load, loadStart);
                Map<String, Duration> cpuBefore = ServerCpu.snapshot(dataDir);
                long sentBefore = load.sent();
                long measureStart = System.nanoTime();
                long end = System.currentTimeMillis() + seconds * 1000L;
                long nextProgress = System.currentTimeMillis() + PROGRESS_EVERY_MS;
                for (int k = 0; System.currentTimeMillis() < end; k++) {
                    if (System.currentTimeMillis() >= nextProgress) {
                        printProgress(bootstrap, load, loadStart, latencies);
                        nextProgress += PROGRESS_EVERY_MS;
                    }
                    String device = "probe-" + k;
                    long produced = System.nanoTime();
                    probes.send(new ProducerRecord<>("iot.readings", device, "{\"site\":\"probe\",\"temperature\":40.0,\"humidity\":50.0,"
                            + "\"battery\":80.0,\"status\":\"OK\",\"event_time\":" + System.currentTimeMillis() + "}"));
                    for (Map.Entry<String, Supplier<VisibilityPath>> p : paths.entrySet()) {
                        pollers.submit(() -> poll(p.getValue().get(), device, produced, p.getKey(), latencies, missed));
                    }
                    Thread.sleep(PROBE_EVERY_MS);
                }
                ServerCpu.print(cpuBefore, ServerCpu.snapshot(dataDir), load.sent() - sentBefore,
                        Duration.ofNanos(System.nanoTime() - measureStart));
                pollers.shutdown();
                pollers.awaitTermination(GIVE_UP_MS + 10_000, TimeUnit.MILLISECONDS);
                sent = load.sent();
            }
            double achieved = sent / ((System.nanoTime() - loadStart) / 1e9);
            List<Map.Entry<String, Long>> lags = pipelineLags(bootstrap);
            Map.Entry<String, Long> lag = largest(lags);
            System.out.printf("freshness: load %d readings/s requested, %.0f/s written (%d readings), largest consumer-group lag at the end: %d records (%.1f s of input) in %s%n",
                    rate, achieved, sent, lag.getValue(), lag.getValue() / (double) rate, lag.getKey());
            for (Map.Entry<String, Long> l : lags.subList(1, Math.min(LAGS_SHOWN, lags.size()))) {
                System.out.printf("freshness: then %d records (%.1f s of input) in %s%n", l.getValue(), l.getValue() / (double) rate,
                        l.getKey());
            }
            for (Map.Entry<String, Supplier<VisibilityPath>> p : paths.entrySet()) {
                List<Long> l = new ArrayList<>(latencies.getOrDefault(p.getKey(), List.of()));
                Collections.sort(l);
                int notSeen = missed.getOrDefault(p.getKey(), 0);
                for (int i = 0; i < notSeen; i++) {
                    l.add(Long.MAX_VALUE);
                }
                System.out.printf("freshness %s: p50=%s p99=%s (%d probes, %d not visible within %d s)%n", p.getValue().get().name(),
                        millis(percentile(l, 50)), millis(percentile(l, 99)), l.size(), notSeen, GIVE_UP_MS / 1000);
            }
        }
        // Kept when the run failed: the servers' logs are in it.
        TempDirs.delete(dataDir);
    }

    /**
     * A platform just started compiles its hot code and works off what queued meanwhile: freshness
     * measured then is the start-up's. Measuring starts once no stage is behind by more than
     * {@value #CAUGHT_UP_SECONDS_OF_INPUT} s of input at two checks in a row, or after
     * {@value #CATCH_UP_LIMIT_MS} ms, which the output then says.
     */
    private static void waitUntilCaughtUp(String bootstrap, int rate, ReadingLoad load, long loadStart) throws Exception {
        long limit = loadStart + CATCH_UP_LIMIT_MS * 1_000_000;
        int caughtUpChecks = 0;
        while (caughtUpChecks < 2 && System.nanoTime() < limit) {
            long lag = largest(pipelineLags(bootstrap)).getValue();
            caughtUpChecks = lag <= rate * CAUGHT_UP_SECONDS_OF_INPUT ? caughtUpChecks + 1 : 0;
            if (caughtUpChecks < 2) {
                Thread.sleep(5_000);
            }
        }
        double seconds = (System.nanoTime() - loadStart) / 1e9;
        System.out.printf(caughtUpChecks == 2 ? "freshness: the pipeline caught up with the load after %.0f s; measuring now (%d readings written)%n"
                : "freshness: the pipeline did NOT catch up with the load within %.0f s; measuring anyway (%d readings written)%n",
                seconds, load.sent());
    }

    /** Whether the platform keeps up, while it runs: a lag that grows from line to line means it does not. */
    private static void printProgress(String bootstrap, ReadingLoad load, long loadStart, Map<String, List<Long>> latencies)
            throws Exception {
        Map.Entry<String, Long> lag = largest(pipelineLags(bootstrap));
        StringBuilder seen = new StringBuilder();
        latencies.forEach((path, l) -> {
            List<Long> sorted;
            synchronized (l) {
                sorted = new ArrayList<>(l);
            }
            Collections.sort(sorted);
            seen.append(String.format(" %s %d (p50 %d ms)", path, sorted.size(), percentile(sorted, 50)));
        });
        System.out.printf("freshness: %.0f s, %d readings written, largest lag %d records in %s; probes seen:%s%n",
                (System.nanoTime() - loadStart) / 1e9, load.sent(), lag.getValue(), lag.getKey(), seen);
    }

    private static void poll(VisibilityPath path, String device, long produced, String key, Map<String, List<Long>> latencies,
                             Map<String, Integer> missed) {
        try {
            while (System.nanoTime() - produced < GIVE_UP_MS * 1_000_000) {
                try {
                    if (path.sees(device)) {
                        latencies.computeIfAbsent(key, k -> Collections.synchronizedList(new ArrayList<>()))
                                .add((System.nanoTime() - produced) / 1_000_000);
                        return;
                    }
                } catch (Exception notYet) {
                    // a busy server may fail one check (timeout, 503): the next poll asks again
                }
                Thread.sleep(Math.max(POLL_EVERY_MS, (System.nanoTime() - produced) / 1_000_000 / 10));
            }
            missed.merge(key, 1, Integer::sum);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            path.release();
        }
    }

    /** The first of {@link #pipelineLags}, or a lag of 0 when no consumer group has committed yet. */
    private static Map.Entry<String, Long> largest(List<Map.Entry<String, Long>> lags) {
        return lags.isEmpty() ? Map.entry("none", 0L) : lags.get(0);
    }

    /**
     * The lag, in records, of each consumer group (the KSQL queries, the sinks) over the partitions it
     * reads, highest first: the queries behind the first one read its output, so the input topic's lag
     * alone would hide a slow later stage.
     */
    private static List<Map.Entry<String, Long>> pipelineLags(String bootstrap) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            List<Map.Entry<String, Long>> lags = new ArrayList<>();
            for (ConsumerGroupListing group : admin.listConsumerGroups().all().get()) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.groupId())
                        .partitionsToOffsetAndMetadata().get();
                Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                committed.keySet().forEach(tp -> latest.put(tp, OffsetSpec.latest()));
                Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all().get();
                long groupLag = 0;
                for (Map.Entry<TopicPartition, OffsetAndMetadata> c : committed.entrySet()) {
                    if (c.getValue() != null) {
                        groupLag += ends.get(c.getKey()).offset() - c.getValue().offset();
                    }
                }
                lags.add(Map.entry(group.groupId(), groupLag));
            }
            lags.sort(Map.Entry.<String, Long>comparingByValue().reversed());
            return lags;
        }
    }

    private static String millis(long latency) {
        return latency == Long.MAX_VALUE ? ">" + GIVE_UP_MS + " ms" : latency + " ms";
    }

    private static long percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return Long.MAX_VALUE;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
