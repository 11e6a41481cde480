package io.rtdp.query.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;

import com.codahale.metrics.MetricRegistry;
import org.junit.jupiter.api.Test;

class PrometheusTextTest {
    @Test
    void rendersEachKindInTheTextFormat() {
        MetricRegistry registry = new MetricRegistry();
        registry.counter("queue.depth").inc(3);
        registry.meter("io.rtdp.requests").mark(5);
        registry.timer("io.rtdp.Resource.page").update(250, TimeUnit.MILLISECONDS);
        registry.histogram("rows-per-page").update(10);
        registry.gauge("pool.ok", () -> () -> true);
        registry.gauge("pool.name", () -> () -> "not a number");

        String text = PrometheusText.render(registry);

        assertThat(text).contains("# TYPE queue_depth gauge\nqueue_depth 3\n")
                .contains("# TYPE io_rtdp_requests_total counter\nio_rtdp_requests_total 5\n")
                .contains("# TYPE io_rtdp_resource_page_seconds summary\n")
                .contains("io_rtdp_resource_page_seconds{quantile=\"0.99\"} 0.25\n")
                .contains("io_rtdp_resource_page_seconds_count 1\n")
                .contains("rows_per_page{quantile=\"0.5\"} 10\n")
                .contains("pool_ok 1\n")
                .doesNotContain("pool_name");
    }

    @Test
    void namesThatSanitizeAlikeAppearOnce() {
        MetricRegistry registry = new MetricRegistry();
        registry.counter("a.b").inc();
        registry.counter("a-b").inc();
        assertThat(PrometheusText.render(registry).split("# TYPE a_b ", -1)).hasSize(2);
    }
}
