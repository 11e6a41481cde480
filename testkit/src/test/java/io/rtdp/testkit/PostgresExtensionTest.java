package io.rtdp.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresExtensionTest {
    @RegisterExtension
    static final PostgresExtension postgres = new PostgresExtension();

    @Test
    void isARealPostgresqlThatKeepsRows() throws Exception {
        try (Connection c = postgres.connection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE readings (device text PRIMARY KEY, celsius numeric(5,2))");
            s.execute("INSERT INTO readings VALUES ('d1', 21.50) ON CONFLICT (device) DO UPDATE SET celsius = excluded.celsius");
            s.execute("INSERT INTO readings VALUES ('d1', 22.25) ON CONFLICT (device) DO UPDATE SET celsius = excluded.celsius");
            try (ResultSet rs = s.executeQuery("SELECT version(), (SELECT celsius FROM readings WHERE device = 'd1')")) {
                rs.next();
                assertThat(rs.getString(1)).startsWith("PostgreSQL 14.");
                assertThat(rs.getBigDecimal(2)).isEqualByComparingTo("22.25");
            }
        }
    }
}
