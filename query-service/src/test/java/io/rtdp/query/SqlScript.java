package io.rtdp.query;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import io.rtdp.testkit.PostgresExtension;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Runs an SQL script from the test class path against the test's PostgreSQL before the service starts. */
final class SqlScript implements BeforeAllCallback {
    private final PostgresExtension postgres;
    private final String resource;

    SqlScript(PostgresExtension postgres, String resource) {
        this.postgres = postgres;
        this.resource = resource;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException, SQLException {
        run(postgres, resource);
    }

    static void run(PostgresExtension postgres, String resource) throws IOException, SQLException {
        String script;
        try (InputStream in = SqlScript.class.getResourceAsStream(resource)) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (Connection connection = postgres.connection(); Statement statement = connection.createStatement()) {
            statement.execute(script);
        }
    }
}
