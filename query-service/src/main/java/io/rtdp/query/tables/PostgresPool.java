package io.rtdp.query.tables;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.dropwizard.core.setup.Environment;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.db.ManagedDataSource;
import io.dropwizard.jdbi3.JdbiFactory;
import org.apache.tomcat.jdbc.pool.DataSourceProxy;
import org.jdbi.v3.core.Jdbi;

/**
 * Dropwizard's pool of PostgreSQL connections (tomcat-jdbc), set up so that a request stops
 * waiting at its deadline ({@link BoundedDatabase}) wherever it waits: in a validation
 * ({@link CallAwareValidator}), in a login, or in a statement.
 */
public final class PostgresPool {
    private PostgresPool() {
    }

    public static Jdbi jdbi(DataSourceFactory database, Environment environment, String healthCheckName,
            InFlightCalls calls, Duration queryTimeout) {
        requireLoginTimeout(database);
        statementTimeout(database, queryTimeout);
        ManagedDataSource dataSource = database.build(environment.metrics(), healthCheckName);
        CallAwareValidator.install(((DataSourceProxy) dataSource).getPoolProperties(), calls);
        return new JdbiFactory().build(environment, database, dataSource, healthCheckName);
    }

    /**
     * Without a login timeout the driver logs in on the calling thread, where nothing ends the wait
     * on a PostgreSQL that accepts connections and never answers; with one, the caller waits for
     * the login interruptibly.
     */
    private static void requireLoginTimeout(DataSourceFactory database) {
        String seconds = database.getProperties().get("loginTimeout");
        boolean set = seconds == null ? database.getUrl().contains("loginTimeout=") : isPositive(seconds);
        if (!set) {
            throw new IllegalStateException("database.properties.loginTimeout is "
                    + (seconds == null ? "not set" : "'" + seconds + "'")
                    + ": a request could then wait for a connection to a hung PostgreSQL beyond limits.queryTimeout;"
                    + " set it to a number of seconds, e.g. loginTimeout: \"5\"");
        }
    }

    private static boolean isPositive(String number) {
        try {
            return Double.parseDouble(number) > 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /**
     * PostgreSQL ends a statement past the deadline itself (statement_timeout among the session's
     * start-up options), unless the configured options set one. The driver's query timeout would
     * instead cancel through a second connection, which a hung server never answers, and a
     * statement whose connection was aborted at the deadline would wait for that cancel (up to the
     * driver's cancelSignalTimeout, 10 s) before failing; it also schedules a timer task per query.
     */
    private static void statementTimeout(DataSourceFactory database, Duration queryTimeout) {
        Map<String, String> properties = new LinkedHashMap<>(database.getProperties());
        String options = properties.getOrDefault("options", "");
        if (!options.contains("statement_timeout")) {
            properties.put("options", (options + " -c statement_timeout=" + queryTimeout.toMillis()).trim());
            database.setProperties(properties);
        }
    }
}
