package io.rtdp.query.ops;

import java.io.IOException;
import java.util.List;

import com.codahale.metrics.health.HealthCheckRegistry;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * 200 "ready" when the health checks the service cannot serve without pass, else 503 "not ready".
 * Only those checks: the KSQL server is reported by /healthcheck but is not yet needed to serve.
 * The body says nothing more, which is why this path needs no credentials.
 */
public final class ReadinessServlet extends HttpServlet {
    private final transient HealthCheckRegistry healthChecks;
    private final List<String> required;

    public ReadinessServlet(HealthCheckRegistry healthChecks, List<String> required) {
        this.healthChecks = healthChecks;
        this.required = List.copyOf(required);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        boolean ready = required.stream().allMatch(name -> healthChecks.runHealthCheck(name).isHealthy());
        response.setStatus(ready ? HttpServletResponse.SC_OK : HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setContentType("text/plain; charset=utf-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().print(ready ? "ready\n" : "not ready\n");
    }
}
