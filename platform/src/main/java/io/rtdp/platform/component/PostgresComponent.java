package io.rtdp.platform.component;

import java.time.Duration;
import java.util.List;

import io.rtdp.embedded.postgres.PostgresBinaries;
import io.rtdp.embedded.postgres.PostgresServer;
import io.rtdp.sql.ResultDatabase;

/** PostgreSQL, from the binaries the build brings, its cluster under the data directory. */
final class PostgresComponent implements Component {
    private final PlatformContext context;
    private final PostgresServer server;

    PostgresComponent(PlatformContext context) {
        this.context = context;
        this.server = new PostgresServer(new PostgresServer.Settings(
                context.dataDir().of("postgres").resolve("binaries").resolve("postgres-" + PostgresBinaries.version()),
                context.dataDir().of("postgres").resolve("data"),
                context.settings().string("postgres.host"),
                context.settings().port("postgres.port"),
                context.settings().string("postgres.user"),
                context.settings().string("postgres.password"),
                context.settings().flag("postgres.durable")));
    }

    @Override
    public String name() {
        return "postgres";
    }

    @Override
    public List<PortClaim> ports() {
        return List.of(new PortClaim("postgres.port", server.settings().host(), server.settings().port(), true));
    }

    @Override
    public void prepare() {
        PostgresBinaries.extractUnder(context.dataDir().of("postgres").resolve("binaries"));
        server.initIfNeeded(context.dataDir().log(name()));
    }

    @Override
    public List<String> command() {
        return server.serverCommand();
    }

    @Override
    public Duration startTimeout() {
        return Duration.ofSeconds(60);
    }

    @Override
    public boolean ready() {
        return server.acceptsConnections();
    }

    @Override
    public void afterReady() {
        String database = context.settings().string("postgres.database");
        server.createDatabaseIfMissing(database);
        ResultDatabase.migrate(server.settings().jdbcUrl(database), server.settings().user(), server.settings().password());
    }

    /** PostgreSQL's "fast" shutdown: open client sessions do not hold it up. */
    @Override
    public String stopSignal() {
        return "INT";
    }

    @Override
    public String url() {
        return server.settings().psqlUrl(context.settings().string("postgres.database"));
    }
}
