package io.rtdp.query;

import static io.rtdp.query.ErrorBodies.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A statement that PostgreSQL, answering otherwise, does not finish in time (here: it waits for a
 * lock): a 503 within the bound, PostgreSQL itself ends the statement (it does not run on for a
 * request given up on), and the connection serves the next request.
 */
class SlowStatementTest {
    /** limits.queryTimeout (2 s in test-config.yml), with margin. */
    private static final Duration BOUND = Duration.ofSeconds(4);

    @RegisterExtension
    static final TestService service = new TestService();

    @Test
    void answers503WithinTheBoundAndPostgresEndsTheStatement() throws Exception {
        Http api = service.api();
        assertThat(api.reader("/v1/device_stats/dev-1").statusCode()).isEqualTo(200);
        try (Connection locker = service.postgres().connection(); Statement lock = locker.createStatement()) {
            locker.setAutoCommit(false);
            lock.execute("LOCK TABLE rtdp.device_stats IN ACCESS EXCLUSIVE MODE");

            long start = System.nanoTime();
            HttpResponse<String> response = api.reader("/v1/device_stats/dev-1");
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertError(response, 503, "database_unavailable");
            assertThat(took).isLessThan(BOUND);
            // Still holding the lock: a statement only given up on by the client would still wait for it.
            await().atMost(BOUND).untilAsserted(() -> assertThat(lockWaiters()).isZero());
            locker.rollback();
        }
        assertThat(api.reader("/v1/device_stats/dev-1").statusCode()).isEqualTo(200);
    }

    private static int lockWaiters() throws SQLException {
        try (Connection connection = service.postgres().connection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'")) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
