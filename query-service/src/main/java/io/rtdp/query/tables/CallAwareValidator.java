package io.rtdp.query.tables;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

import org.apache.tomcat.jdbc.pool.PoolConfiguration;
import org.apache.tomcat.jdbc.pool.PooledConnection;
import org.apache.tomcat.jdbc.pool.Validator;

/**
 * Validates pooled connections as tomcat-jdbc itself would (the configured validator, else the
 * init SQL or validation query with its timeout, else {@link Connection#isValid}), after telling
 * the call in progress on this thread which connection it now waits on. The pool validates a
 * connection it lends on the borrowing thread, before the borrower sees it: a validation query
 * sent to a PostgreSQL that never answers blocks in a socket read that only aborting that
 * connection ends. (A custom validator replaces tomcat-jdbc's own validation, so this one does it too.)
 */
public final class CallAwareValidator implements Validator {
    private final InFlightCalls calls;
    private final PoolConfiguration pool;
    private final Validator configured;

    private CallAwareValidator(InFlightCalls calls, PoolConfiguration pool) {
        this.calls = calls;
        this.pool = pool;
        this.configured = pool.getValidator();
    }

    /** Makes the pool validate through this, wrapping the validator configured, if any. */
    public static void install(PoolConfiguration pool, InFlightCalls calls) {
        pool.setValidator(new CallAwareValidator(calls, pool));
    }

    @Override
    public boolean validate(Connection connection, int validateAction) {
        Optional<DatabaseCall> call = calls.ofCurrentThread();
        // Only while validating: once the pool has lent or dropped it, it is no longer the call's.
        call.ifPresent(it -> it.uses(connection));
        try {
            if (configured != null) {
                return configured.validate(connection, validateAction);
            }
            // A request's validation ends at its deadline; the driver's query timeout would only
            // make an aborted statement wait for its cancel (see PostgresPool).
            return check(connection, validateAction, call.isPresent() ? 0 : Math.max(0, pool.getValidationQueryTimeout()));
        } finally {
            call.ifPresent(it -> it.uses(null));
        }
    }

    private boolean check(Connection connection, int validateAction, int timeoutSeconds) {
        String query = validateAction == PooledConnection.VALIDATE_INIT && pool.getInitSQL() != null
                ? pool.getInitSQL() : pool.getValidationQuery();
        try {
            boolean valid;
            if (query == null) {
                valid = connection.isValid(timeoutSeconds);
            } else {
                try (Statement statement = connection.createStatement()) {
                    statement.setQueryTimeout(timeoutSeconds);
                    statement.execute(query);
                    valid = true;
                }
            }
            // Outside auto-commit the query opened a transaction; an invalid connection is dropped anyway.
            if (valid && !connection.getAutoCommit()) {
                connection.commit();
            }
            return valid;
        } catch (SQLException e) {
            return false;
        }
    }
}
