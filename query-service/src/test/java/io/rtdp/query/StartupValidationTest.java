package io.rtdp.query;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;

import io.dropwizard.configuration.ConfigurationValidationException;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.rtdp.query.tables.InvalidTablesException;
import io.rtdp.testkit.PostgresExtension;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A configuration that does not match PostgreSQL's catalog stops the service, naming what is wrong. */
class StartupValidationTest {
    @RegisterExtension
    @Order(1)
    static final PostgresExtension postgres = new PostgresExtension();

    @RegisterExtension
    @Order(2)
    static final SqlScript tables = new SqlScript(postgres, "/tables.sql");

    private static void assertStartFails(String expectedMessage, ConfigOverride... overrides) {
        assertStartFails(TestService.against(postgres, overrides), InvalidTablesException.class, expectedMessage);
    }

    private static void assertStartFails(DropwizardAppExtension<QueryServiceConfiguration> app,
            Class<? extends Exception> expected, String expectedMessage) {
        try {
            assertThatThrownBy(app::before).isInstanceOf(expected).hasMessageContaining(expectedMessage);
        } finally {
            app.after();
        }
    }

    @Test
    void unknownTableIsNamed() {
        assertStartFails("tables.device_stats: table 'rtdp.no_such_table' does not exist",
                ConfigOverride.config("tables.device_stats.table", "rtdp.no_such_table"));
    }

    @Test
    void unknownColumnIsNamedWithTheTablesColumns() {
        assertStartFails("tables.devices: column 'colour' does not exist in devices (its columns: [device_id, name, active, attributes])",
                ConfigOverride.config("tables.devices.columns[1]", "colour"));
    }

    @Test
    void keysThatDoNotMakeRowsUniqueAreRefused() {
        assertStartFails("tables.device_stats: no primary key or unique index of rtdp.device_stats is made only of [readings, device_id]",
                ConfigOverride.config("tables.device_stats.time", "readings"));
    }

    @Test
    void unsuitableKeyAndTimeTypesAreRefused() {
        assertStartFails("key 'attributes' has type jsonb", ConfigOverride.config("tables.devices.keys[0]", "attributes"));
        assertStartFails("time column 'revenue' has type numeric(12,2)",
                ConfigOverride.config("tables.merchant_revenue.time", "revenue"));
    }

    @Test
    void tableMayNotTakeTheNameOfTheLivePath() {
        assertStartFails(TestService.against(postgres, ConfigOverride.config("tables.live.table", "devices")),
                ConfigurationValidationException.class, "and not live (/v1/live serves the live sources)");
    }

    @Test
    void aDriverWithoutLoginTimeoutIsRefused() {
        assertStartFails(TestService.against(postgres, ConfigOverride.config("database.properties.loginTimeout", "0")),
                IllegalStateException.class, "database.properties.loginTimeout is '0': a request could then wait");
    }

    @Test
    void unreachableDatabaseIsNamed() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String url = "jdbc:postgresql://127.0.0.1:" + closedPort + "/rtdp";
        assertStartFails(TestService.against(() -> url, postgres), IllegalStateException.class,
                "cannot reach PostgreSQL at " + url);
    }
}
