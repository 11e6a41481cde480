package io.rtdp.bench.query;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;

/**
 * Concurrent clients doing key lookups for a while: the lookups per second and each lookup's
 * latency. Back to back (a closed loop, as wrk does) measures throughput; at a fixed rate (as
 * wrk2 does) measures latency at a load every side can carry, each lookup timed from when it was
 * due, so that a stall also counts against the lookups it delayed. A lookup that finds nothing
 * fails the run, so every side is measured doing the same work.
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

    /** Lookups back to back. */
    Result run(String name, ClientFactory factory, long seconds) throws Exception {
        return run(name, factory, seconds, 0);
    }

    /** Lookups at perSecond in all (0: back to back), spread evenly over the clients. */
    Result run(String name, ClientFactory factory, long seconds, double perSecond) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long begin = System.nanoTime();
        long end = begin + seconds * 1_000_000_000L;
        long interval = perSecond > 0 ? (long) (clients * 1e9 / perSecond) : 0;
        List<Future<long[]>> results = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            long firstDue = begin + c * interval / clients;
            results.add(pool.submit(() -> {
                long[] latencies = new long[1 << 14];
                int n = 0;
                try (Client client = factory.open()) {
                    long due = firstDue;
                    while (true) {
                        long start;
                        if (interval > 0) {
                            if (due >= end) {
                                break;
                            }
                            for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                                LockSupport.parkNanos(wait);
                            }
                            start = due;
                            due += interval;
                        } else {
                            start = System.nanoTime();
                            if (start >= end) {
                                break;
                            }
                        }
                        String key = "dev-" + ThreadLocalRandom.current().nextInt(keys);
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
