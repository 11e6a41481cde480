package io.rtdp.query.auth;

import io.dropwizard.auth.UnauthorizedHandler;
import io.rtdp.query.errors.ApiError;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** A 401 in the service's error shape, with the challenges of both accepted schemes. */
public final class JsonUnauthorizedHandler implements UnauthorizedHandler {
    public static final ApiError BODY = ApiError.of("unauthorized",
            "credentials missing or not accepted: send an API key in " + ApiKeyAuthFilter.HEADER + " or HTTP basic credentials");

    @Override
    public Response buildResponse(String prefix, String realm) {
        Response.ResponseBuilder response = Response.status(Response.Status.UNAUTHORIZED)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(BODY);
        Challenges.of(realm).forEach(challenge -> response.header(HttpHeaders.WWW_AUTHENTICATE, challenge));
        return response.build();
    }
}
