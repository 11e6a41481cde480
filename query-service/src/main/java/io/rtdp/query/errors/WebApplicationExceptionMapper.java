package io.rtdp.query.errors;

import java.util.Locale;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * Jersey's own refusals (no such path, method not allowed, not acceptable, …) in the service's
 * error shape, keeping their status and headers (Allow, WWW-Authenticate, …).
 */
public final class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {
    @Override
    public Response toResponse(WebApplicationException exception) {
        Response original = exception.getResponse();
        if (original.hasEntity() && original.getEntity() instanceof ApiError) {
            return original;
        }
        Response.StatusType status = original.getStatusInfo();
        String code = status.getReasonPhrase().toLowerCase(Locale.ROOT).replace(' ', '_');
        Response.ResponseBuilder response = Response.fromResponse(original)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(ApiError.of(code, messageFor(status.getStatusCode(), status.getReasonPhrase())));
        return response.build();
    }

    private static String messageFor(int status, String reason) {
        return switch (status) {
            case 404 -> "no such resource: see /openapi.json for the service's endpoints";
            case 405 -> "method not allowed on this resource";
            default -> reason;
        };
    }
}
