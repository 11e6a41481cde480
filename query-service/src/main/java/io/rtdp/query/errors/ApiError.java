package io.rtdp.query.errors;

import java.util.List;

/**
 * The one body every failure of the service has: a stable machine-readable {@code code}, a
 * sentence for people, and details (field errors for a bad request, otherwise empty).
 */
public record ApiError(String code, String message, List<FieldError> details) {
    public ApiError {
        details = List.copyOf(details);
    }

    public static ApiError of(String code, String message) {
        return new ApiError(code, message, List.of());
    }
}
