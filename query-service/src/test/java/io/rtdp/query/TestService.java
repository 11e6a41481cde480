package io.rtdp.query;

import java.util.function.Supplier;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.rtdp.testkit.PostgresExtension;

/** The service on free ports with test-config.yml, against the test class's PostgreSQL. */
final class TestService {
    private TestService() {
    }

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
