package io.rtdp.bench.query;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Concurrent clients doing key lookups back to back for a while (a closed loop, as wrk does): the
 * lookups per second and each lookup's latency. A lookup that finds nothing fails the run, so
 * every side is measured doing the same work.
 */
final class LookupLoad {
    /** One client's way to look a key up; created per client, so it may hold a connection. */
    interface Client extends AutoCloseable {
        /** True when the key's row came back. */
        boolean lookup(String key) throws Exception;

        @Override
        default void close() throws Exception {
        }
    }

    interface ClientFactory {
        Client open() throws Exception;
    }

    /** The lookups of one or more runs: their latencies (sorted) over the seconds they took. */
    record Result(String name, long[] sortedNanos, double seconds) {
        double perSecond() {
            return sortedNanos.length / seconds;
        }

        double p50Millis() {
            return percentile(sortedNanos, 0.50);
        }

        double p99Millis() {
            return percentile(sortedNanos, 0.99);
        }

        /** Runs of the same lookups taken together, e.g. rounds interleaved with other sides'. */
        static Result merge(String name, List<Result> runs) {
            long[] all = runs.stream().flatMapToLong(run -> Arrays.stream(run.sortedNanos())).sorted().toArray();
            return new Result(name, all, runs.stream().mapToDouble(Result::seconds).sum());
        }

        @Override
        public String toString() {
            return String.format("%s: %.0f lookups/s, p50=%.2f ms, p99=%.2f ms", name, perSecond(), p50Millis(), p99Millis());
        }
    }

    private final int clients;
    private final int keys;

    LookupLoad(int clients, int keys) {
        this.clients = clients;
        this.keys = keys;
    }

    Result run(String name, ClientFactory factory, long seconds) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Future<long[]>> results = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            results.add(pool.submit(() -> {
                long[] latencies = new long[1 << 14];
                int n = 0;
                try (Client client = factory.open()) {
                    while (System.nanoTime() < end) {
                        String key = "dev-" + ThreadLocalRandom.current().nextInt(keys);
                        long start = System.nanoTime();
                        if (!client.lookup(key)) {
                            throw new IllegalStateException(name + " found no row for " + key);
                        }
                        if (n == latencies.length) {
                            latencies = Arrays.copyOf(latencies, n * 2);
                        }
                        latencies[n++] = System.nanoTime() - start;
                    }
                }
                return Arrays.copyOf(latencies, n);
            }));
        }
        List<long[]> all = new ArrayList<>();
        try {
            for (Future<long[]> result : results) {
                all.add(result.get());
            }
        } finally {
            pool.shutdownNow();
        }
        long[] merged = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return new Result(name, merged, seconds);
    }

    private static double percentile(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }
}
