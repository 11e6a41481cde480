package io.rtdp.query.auth;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;

import io.dropwizard.auth.AuthFilter;

/** Authenticates a request by the API key in its {@value #HEADER} header. */
@Priority(Priorities.AUTHENTICATION)
public final class ApiKeyAuthFilter extends AuthFilter<String, Caller> {
    public static final String HEADER = "X-API-Key";

    @Override
    public void filter(ContainerRequestContext request) {
        String key = request.getHeaderString(HEADER);
        if (key == null || !authenticate(request, key, "API_KEY")) {
            throw unauthorizedHandler.buildException(prefix, realm);
        }
    }

    public static final class Builder extends AuthFilterBuilder<String, Caller, ApiKeyAuthFilter> {
        @Override
        protected ApiKeyAuthFilter newInstance() {
            return new ApiKeyAuthFilter();
        }
    }
}
