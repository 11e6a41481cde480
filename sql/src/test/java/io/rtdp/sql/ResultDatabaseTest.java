package io.rtdp.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.rtdp.testkit.PostgresExtension;

class ResultDatabaseTest {
    @RegisterExtension
    static final PostgresExtension postgres = new PostgresExtension();

    @Test
    void appliesTheDdlOnceAndIsIdempotent() throws SQLException {
        int first = ResultDatabase.migrate(postgres.jdbcUrl(), postgres.user(), postgres.password());
        int second = ResultDatabase.migrate(postgres.jdbcUrl(), postgres.user(), postgres.password());

        assertThat(first).isPositive();
        assertThat(second).isZero();
        try (Connection c = postgres.connection();
             ResultSet schema = c.createStatement().executeQuery(
                     "SELECT count(*) FROM information_schema.schemata WHERE schema_name = 'rtdp'");
             ResultSet history = c.createStatement().executeQuery(
                     "SELECT count(*) FROM rtdp.flyway_schema_history WHERE success")) {
            schema.next();
            history.next();
            assertThat(schema.getInt(1)).isEqualTo(1);
            assertThat(history.getInt(1)).isEqualTo(first + 1); // + the schema-creation row Flyway records
        }
    }
}
