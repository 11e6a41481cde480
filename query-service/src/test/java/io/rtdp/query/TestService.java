package io.rtdp.query;

import java.util.function.Supplier;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.rtdp.testkit.PostgresExtension;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The service on free ports with test-config.yml, against a PostgreSQL of its own that holds
 * tables.sql, for one test class: {@code @RegisterExtension static final TestService service = new TestService();}
 * (after the extensions that its overrides read, e.g. a KSQL server's URL).
 */
final class TestService implements BeforeAllCallback, AfterAllCallback {
    private final PostgresExtension postgres = new PostgresExtension();
    private final DropwizardAppExtension<QueryServiceConfiguration> app;

    TestService(ConfigOverride... overrides) {
        this.app = against(postgres, overrides);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        postgres.start();
        SqlScript.run(postgres, "/tables.sql");
        app.before();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        try {
            app.after();
        } finally {
            postgres.stop();
        }
    }

    PostgresExtension postgres() {
        return postgres;
    }

    DropwizardAppExtension<QueryServiceConfiguration> app() {
        return app;
    }

    Http api() {
        return Http.on(app.getLocalPort());
    }

    Http admin() {
        return Http.on(app.getAdminPort());
    }

    /** Another instance of the service against the same PostgreSQL; the caller starts and stops it. */
    static DropwizardAppExtension<QueryServiceConfiguration> against(PostgresExtension postgres, ConfigOverride... more) {
        return against(postgres::jdbcUrl, postgres, more);
    }

    /** Overrides must not name a key twice: Dropwizard does not apply them in a defined order. */
    static DropwizardAppExtension<QueryServiceConfiguration> against(Supplier<String> databaseUrl, PostgresExtension postgres,
            ConfigOverride... more) {
        ConfigOverride[] overrides = new ConfigOverride[3 + more.length];
        overrides[0] = ConfigOverride.config("database.url", databaseUrl);
        overrides[1] = ConfigOverride.config("database.user", postgres::user);
        overrides[2] = ConfigOverride.config("database.password", postgres::password);
        System.arraycopy(more, 0, overrides, 3, more.length);
        return new DropwizardAppExtension<>(QueryServiceApplication.class, ResourceHelpers.resourceFilePath("test-config.yml"),
                overrides);
    }
}
