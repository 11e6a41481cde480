package io.rtdp.query.live;

import java.util.Map;

import io.rtdp.query.errors.ApiError;
import io.rtdp.query.errors.ApiException;
import io.rtdp.query.ksql.KsqlError;
import io.rtdp.query.ksql.KsqlErrorException;
import io.rtdp.query.ksql.KsqlUnavailableException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response.Status;

/**
 * What a client is told when the KSQL server fails a live request: 503 + Retry-After when it
 * cannot answer now (unreachable, slow, starting, shutting down), 429 + Retry-After when it is at
 * capacity, 502 naming its error when it refused the statement (then the configuration does not
 * match the server: a missing source, a wrong key or type).
 */
final class KsqlFailures {
    private final long retryAfterSeconds;

    KsqlFailures(long retryAfterSeconds) {
        this.retryAfterSeconds = retryAfterSeconds;
    }

    ApiException of(RuntimeException failure, LiveSource source) {
        if (failure instanceof KsqlUnavailableException) {
            return retryable(Status.SERVICE_UNAVAILABLE, "ksql_unavailable", failure.getMessage());
        }
        if (failure instanceof KsqlErrorException refused) {
            KsqlError error = refused.error();
            if (error.status() == 503) {
                return retryable(Status.SERVICE_UNAVAILABLE, "ksql_unavailable", "the KSQL server cannot serve queries now: "
                        + error.message());
            }
            if (error.status() == 429) {
                return retryable(Status.TOO_MANY_REQUESTS, "ksql_busy", "the KSQL server is at capacity: " + error.message());
            }
            return new ApiException(Status.BAD_GATEWAY, ApiError.of("ksql_error", "the KSQL server failed the query of "
                    + source.name() + " (" + source.source() + "): " + error.message() + " (error_code " + error.errorCode()
                    + ", HTTP " + error.status() + ")"), Map.of());
        }
        if (failure instanceof IllegalArgumentException protocol) {
            return new ApiException(Status.BAD_GATEWAY, ApiError.of("ksql_error", "unexpected answer from the KSQL server"
                    + " to the query of " + source.name() + ": " + protocol.getMessage()), Map.of());
        }
        throw failure;
    }

    ApiException tooManyStreams(int limit) {
        return retryable(Status.SERVICE_UNAVAILABLE, "too_many_event_streams", "the service already relays " + limit
                + " event streams, its limit (ksql.maxEventStreams)");
    }

    private ApiException retryable(Status status, String code, String message) {
        return new ApiException(status, ApiError.of(code, message + "; retry after " + retryAfterSeconds + " s"),
                Map.of(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds)));
    }
}
