package io.rtdp.query.auth;

import java.io.IOException;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.rtdp.query.errors.ApiError;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Guards the admin port (metrics, health details, thread dumps, tasks): only callers with the
 * {@value Caller#ADMIN_ROLE} role. Liveness and readiness stay open, since probes carry no
 * credentials and those two answer only up or down.
 */
public final class AdminAuthFilter implements Filter {
    private final CallerDirectory callers;
    private final String realm;
    private final Set<String> openPaths;
    private final ObjectMapper json;

    public AdminAuthFilter(CallerDirectory callers, String realm, Set<String> openPaths, ObjectMapper json) {
        this.callers = callers;
        this.realm = realm;
        this.openPaths = Set.copyOf(openPaths);
        this.json = json;
    }

    @Override
    public void doFilter(ServletRequest servletRequest, ServletResponse servletResponse, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) servletRequest;
        HttpServletResponse response = (HttpServletResponse) servletResponse;
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (openPaths.contains(path)) {
            chain.doFilter(request, response);
            return;
        }
        Optional<Caller> caller = callers.fromHeaders(request.getHeader(ApiKeyAuthFilter.HEADER),
                request.getHeader("Authorization"));
        if (caller.isEmpty()) {
            Challenges.of(realm).forEach(challenge -> response.addHeader("WWW-Authenticate", challenge));
            write(response, HttpServletResponse.SC_UNAUTHORIZED, JsonUnauthorizedHandler.BODY);
        } else if (!caller.get().roles().contains(Caller.ADMIN_ROLE)) {
            write(response, HttpServletResponse.SC_FORBIDDEN, ApiError.of("forbidden",
                    caller.get().name() + " lacks the role '" + Caller.ADMIN_ROLE + "' the admin port requires"));
        } else {
            chain.doFilter(request, response);
        }
    }

    private void write(HttpServletResponse response, int status, ApiError error) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        json.writeValue(response.getOutputStream(), error);
    }
}
