package io.rtdp.query.errors;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.Response.Status;

/** A failure the service answers on purpose, with its status and body decided where it happens. */
public class ApiException extends RuntimeException {
    private final Status status;
    private final ApiError error;
    private final Map<String, String> headers;

    public ApiException(Status status, ApiError error, Map<String, String> headers) {
        super(error.message());
        this.status = status;
        this.error = error;
        this.headers = Map.copyOf(headers);
    }

    public static ApiException badRequest(List<FieldError> fields) {
        return new ApiException(Status.BAD_REQUEST,
                new ApiError("invalid_parameters", "the request has invalid parameters", fields), Map.of());
    }

    public static ApiException notFound(String code, String message) {
        return new ApiException(Status.NOT_FOUND, ApiError.of(code, message), Map.of());
    }

    public static ApiException forbidden(String message) {
        return new ApiException(Status.FORBIDDEN, ApiError.of("forbidden", message), Map.of());
    }

    public Status status() {
        return status;
    }

    public ApiError error() {
        return error;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
