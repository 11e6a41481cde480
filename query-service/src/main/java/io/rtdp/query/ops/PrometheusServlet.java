package io.rtdp.query.ops;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import com.codahale.metrics.MetricRegistry;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** The service's metrics for a Prometheus scraper, on the admin port. */
public final class PrometheusServlet extends HttpServlet {
    private final transient MetricRegistry registry;

    public PrometheusServlet(MetricRegistry registry) {
        this.registry = registry;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(PrometheusText.CONTENT_TYPE);
        response.setHeader("Cache-Control", "no-store");
        response.getOutputStream().write(PrometheusText.render(registry).getBytes(StandardCharsets.UTF_8));
    }
}
