package io.rtdp.sql;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings a PostgreSQL database to the newest version of the platform's DDL
 * ({@code db/postgres/V<n>__<what>.sql}, applied once each, in order, recorded with checksums in
 * {@code rtdp.flyway_schema_history}). Running it again changes nothing.
 */
public final class ResultDatabase {
    static final String SCHEMA = "rtdp";

    private ResultDatabase() {
    }

    /** Applies the migrations not applied yet; returns how many it applied. */
    public static int migrate(String jdbcUrl, String user, String password) {
        MigrateResult result = Flyway.configure()
                .dataSource(jdbcUrl, user, password)
                .locations("classpath:db/postgres")
                .schemas(SCHEMA)
                .validateMigrationNaming(true)
                .load()
                .migrate();
        return result.migrationsExecuted;
    }
}
