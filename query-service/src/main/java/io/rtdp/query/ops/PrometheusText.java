package io.rtdp.query.ops;

import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.codahale.metrics.Gauge;
import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.Snapshot;

/**
 * Renders a Dropwizard metric registry in Prometheus' text exposition format 0.0.4: gauges as
 * gauges, counters and meters as counters, histograms and timers as summaries (timers in seconds).
 */
public final class PrometheusText {
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    private static final double[] QUANTILES = {0.5, 0.75, 0.95, 0.98, 0.99, 0.999};
    private static final double NANOS_PER_SECOND = 1e9;

    private PrometheusText() {
    }

    public static String render(MetricRegistry registry) {
        StringBuilder out = new StringBuilder();
        Set<String> written = new HashSet<>();
        for (Map.Entry<String, Gauge> gauge : registry.getGauges().entrySet()) {
            Double value = numeric(gauge.getValue().getValue());
            if (value != null) {
                family(out, written, gauge.getKey(), "", "gauge", w -> sample(w, name(gauge.getKey()), "", value));
            }
        }
        registry.getCounters().forEach((name, counter) -> family(out, written, name, "", "gauge",
                w -> sample(w, name(name), "", counter.getCount())));
        registry.getMeters().forEach((name, meter) -> family(out, written, name, "_total", "counter",
                w -> sample(w, name(name) + "_total", "", meter.getCount())));
        registry.getHistograms().forEach((name, histogram) -> family(out, written, name, "", "summary",
                w -> summary(w, name(name), histogram.getSnapshot(), histogram.getCount(), 1)));
        registry.getTimers().forEach((name, timer) -> family(out, written, name, "_seconds", "summary",
                w -> summary(w, name(name) + "_seconds", timer.getSnapshot(), timer.getCount(), NANOS_PER_SECOND)));
        return out.toString();
    }

    private static void family(StringBuilder out, Set<String> written, String metric, String suffix, String type,
            java.util.function.Consumer<StringBuilder> samples) {
        String family = name(metric) + suffix;
        // Two Dropwizard names may sanitize to one Prometheus name; a family may appear only once.
        if (!written.add(family)) {
            return;
        }
        out.append("# HELP ").append(family).append(" Dropwizard metric ").append(metric.replace("\\", "\\\\")).append('\n');
        out.append("# TYPE ").append(family).append(' ').append(type).append('\n');
        samples.accept(out);
    }

    private static void summary(StringBuilder out, String family, Snapshot snapshot, long count, double divisor) {
        for (double quantile : QUANTILES) {
            sample(out, family, "{quantile=\"" + quantile + "\"}", snapshot.getValue(quantile) / divisor);
        }
        sample(out, family + "_count", "", count);
    }

    private static void sample(StringBuilder out, String name, String labels, double value) {
        out.append(name).append(labels).append(' ').append(format(value)).append('\n');
    }

    private static String format(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "+Inf" : "-Inf";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }

    private static Double numeric(Object value) {
        if (value instanceof Number number) {
            return number.doubleValue();
        }
        if (value instanceof Boolean bool) {
            return bool ? 1.0 : 0.0;
        }
        return null;
    }

    /** Prometheus names allow [a-zA-Z0-9_:] and may not start with a digit. */
    static String name(String dropwizardName) {
        String sanitized = dropwizardName.replaceAll("[^a-zA-Z0-9_:]", "_").toLowerCase(Locale.ROOT);
        return Character.isDigit(sanitized.charAt(0)) ? "_" + sanitized : sanitized;
    }
}
