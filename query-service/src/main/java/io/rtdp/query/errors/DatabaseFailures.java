package io.rtdp.query.errors;

import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.util.Map;
import java.util.Set;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response.Status;
import org.jdbi.v3.core.ConnectionException;

/**
 * Tells a PostgreSQL that cannot answer now (down, refusing connections, shutting down, over its
 * time budget, pool exhausted) from a query that is wrong: the first is a 503 the client may
 * retry after {@code Retry-After} seconds, the second a bug.
 */
public final class DatabaseFailures {
    // 53300 too_many_connections, 57014 query_canceled (our statement timeout),
    // 57P01..57P03 admin_shutdown, crash_shutdown, cannot_connect_now.
    private static final Set<String> UNAVAILABLE_STATES = Set.of("53300", "57014", "57P01", "57P02", "57P03");

    private final long retryAfterSeconds;

    public DatabaseFailures(long retryAfterSeconds) {
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public boolean isUnavailability(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectionException || cause instanceof SQLTimeoutException
                    || cause instanceof DatabaseDeadlineException) {
                return true;
            }
            if (cause instanceof SQLException sql) {
                String state = sql.getSQLState();
                // No SQL state: the pool's own failures (exhausted, timed out waiting).
                if (state == null || state.startsWith("08") || UNAVAILABLE_STATES.contains(state)) {
                    return true;
                }
            }
        }
        return false;
    }

    public ApiException unavailable() {
        return new ApiException(Status.SERVICE_UNAVAILABLE,
                ApiError.of("database_unavailable",
                        "PostgreSQL did not answer in time; retry after " + retryAfterSeconds + " s"),
                Map.of(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds)));
    }

    static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
