package io.rtdp.bench.engine;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.apache.kafka.streams.test.TestRecord;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;

/**
 * {@code engine [RECORDS] [ROUNDS] [NAME]}: the same JSON records through topologies the KSQL engine compiles and
 * through hand-written ones, each in TopologyTestDriver; one warm-up run per side, then rounds that
 * alternate the sides (so that load from elsewhere on the machine hits both alike), medians reported. With NAME,
 * only the comparisons whose name contains it run.
 */
public final class EngineBench {
    private static final int CHECKED_RECORDS = 20_000;
    /** The first keys' sessions close 60 s into the input, after 300,000 records. */
    private static final int CHECKED_SESSION_RECORDS = 400_000;

    private EngineBench() {
    }

    public static void main(String[] args) {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        String only = args.length > 2 ? args[2] : "";
        // Every driver the rounds create would otherwise log the same configuration warnings.
        Configurator.setLevel("org.apache.kafka", Level.ERROR);
        System.out.printf("engine: %d JSON records per comparison, TopologyTestDriver, RocksDB stores, no record cache, "
                + "1 warm-up + %d rounds per side, median%n", records, rounds);
        List<Comparison> comparisons = List.of(
                new Comparison("engine-filter-project", EngineQueries.FILTER_PROJECT, HandWritten::filterProject,
                        Orders::generate, CHECKED_RECORDS),
                new Comparison("engine-window-count-sum", EngineQueries.WINDOWED_COUNT_SUM, HandWritten::windowedCountSum,
                        Orders::generate, CHECKED_RECORDS),
                new Comparison("engine-session-final", EngineQueries.SESSION_FINAL, HandWritten::sessionFinal,
                        Orders::busyKeys, CHECKED_SESSION_RECORDS));
        for (Comparison c : comparisons) {
            if (c.name().contains(only)) {
                run(c, c.records().apply(records), rounds);
            }
        }
    }

    private static void run(Comparison c, Orders orders, int rounds) {
        String sink = c.sinkTopic();
        System.out.printf("%s: %s%n", c.name(), c.statement());
        System.out.printf("%s: input %s (%.0f B value on average)%n", c.name(), orders.description(),
                orders.valueBytes() / (double) orders.size());
        System.out.printf("%s: %s%n", c.name(), sameOutputs(c, orders, sink));
        DriverRun.rate(c.ours(), sink, orders);
        DriverRun.rate(c.baseline(), sink, orders);
        DriverRun.Rate[] ours = new DriverRun.Rate[rounds];
        DriverRun.Rate[] baseline = new DriverRun.Rate[rounds];
        for (int r = 0; r < rounds; r++) {
            ours[r] = DriverRun.rate(c.ours(), sink, orders);
            baseline[r] = DriverRun.rate(c.baseline(), sink, orders);
        }
        System.out.printf("%s: rounds ours=%s baseline=%s rec/s%n", c.name(),
                rates(ours, DriverRun.Rate::wall), rates(baseline, DriverRun.Rate::wall));
        double oursCpu = median(ours, DriverRun.Rate::cpu);
        double baselineCpu = median(baseline, DriverRun.Rate::cpu);
        System.out.printf("%s: per second of process CPU time, medians ours=%.0f baseline=%.0f rec/cpu-s (%.2f)%n",
                c.name(), oursCpu, baselineCpu, oursCpu / baselineCpu);
        double o = median(ours, DriverRun.Rate::wall);
        double b = median(baseline, DriverRun.Rate::wall);
        System.out.printf("%s: ours=%.0f rec/s baseline=%.0f rec/s ratio=%.2f%n", c.name(), o, b, o / b);
    }

    /** A rate is only comparable if both sides wrote the same records: keys, values and timestamps. */
    private static String sameOutputs(Comparison c, Orders orders, String sink) {
        List<TestRecord<byte[], byte[]>> ours = DriverRun.outputs(c.ours(), sink, orders, c.checked());
        List<TestRecord<byte[], byte[]>> baseline = DriverRun.outputs(c.baseline(), sink, orders, c.checked());
        for (int i = 0; i < Math.min(ours.size(), baseline.size()); i++) {
            TestRecord<byte[], byte[]> a = ours.get(i);
            TestRecord<byte[], byte[]> b = baseline.get(i);
            if (!Arrays.equals(a.key(), b.key()) || !Arrays.equals(a.value(), b.value()) || !a.timestamp().equals(b.timestamp())) {
                return String.format("OUTPUTS DIFFER at output %d: ours %s baseline %s", i, show(a), show(b));
            }
        }
        if (ours.size() != baseline.size()) {
            return String.format("OUTPUTS DIFFER: ours wrote %d records, baseline %d", ours.size(), baseline.size());
        }
        return String.format("both sides wrote the same %d records for the first %d inputs", ours.size(),
                Math.min(c.checked(), orders.size()));
    }

    private static String show(TestRecord<byte[], byte[]> r) {
        return String.format("%s/%s@%d", Arrays.toString(r.key()),
                r.value() == null ? "null" : new String(r.value(), StandardCharsets.UTF_8), r.timestamp());
    }

    private static String rates(DriverRun.Rate[] rates, ToDoubleFunction<DriverRun.Rate> which) {
        return Arrays.stream(rates).map(r -> String.format("%.0f", which.applyAsDouble(r))).toList().toString();
    }

    private static double median(DriverRun.Rate[] rates, ToDoubleFunction<DriverRun.Rate> which) {
        double[] sorted = Arrays.stream(rates).mapToDouble(which).sorted().toArray();
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
