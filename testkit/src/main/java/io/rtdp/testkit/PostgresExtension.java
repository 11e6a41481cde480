package io.rtdp.testkit;

import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;


import io.rtdp.embedded.net.Ports;
import io.rtdp.embedded.postgres.PostgresBinaries;
import io.rtdp.embedded.postgres.PostgresServer;

/**
 * A real PostgreSQL server for one test class: started from the PostgreSQL binaries on the
 * classpath, on a free port, with its data in a temporary directory. When the environment variable
 * {@code RTDP_TEST_PG_URL} names a database ({@code postgresql://user:password@host:port/db} or a
 * JDBC URL with {@code RTDP_TEST_PG_USER} and {@code RTDP_TEST_PG_PASSWORD}), that one is used instead.
 */
public final class PostgresExtension extends ServerExtension {
    static final String EXTERNAL_URL = "RTDP_TEST_PG_URL";
    private static final String DATABASE = "rtdp";

    private Path dir;
    private PostgresServer server;
    private String jdbcUrl;
    private String user;
    private String password;

    @Override
    public synchronized PostgresExtension start() {
        if (jdbcUrl != null) {
            return this;
        }
        String external = System.getenv(EXTERNAL_URL);
        if (external != null && !external.isBlank()) {
            useExternal(external.trim());
            return this;
        }
        dir = TempDirs.create("postgres");
        Path binaries = PostgresBinaries.extractUnder(Path.of(System.getProperty("java.io.tmpdir"), "rtdp-test-binaries"));
        server = new PostgresServer(new PostgresServer.Settings(binaries, dir.resolve("data"), "127.0.0.1",
                Ports.free(), "rtdp", "rtdp", false));
        server.start(dir.resolve("postgres.log"), Duration.ofSeconds(60));
        server.createDatabaseIfMissing(DATABASE);
        jdbcUrl = server.settings().jdbcUrl(DATABASE);
        user = server.settings().user();
        password = server.settings().password();
        return this;
    }

    private void useExternal(String url) {
        if (url.startsWith("jdbc:")) {
            jdbcUrl = url;
            user = System.getenv().getOrDefault("RTDP_TEST_PG_USER", "postgres");
            password = System.getenv().getOrDefault("RTDP_TEST_PG_PASSWORD", "");
            return;
        }
        URI uri = URI.create(url);
        String[] credentials = uri.getUserInfo() == null ? new String[] {"postgres", ""} : uri.getUserInfo().split(":", 2);
        user = credentials[0];
        password = credentials.length > 1 ? credentials[1] : "";
        int port = uri.getPort() < 0 ? 5432 : uri.getPort();
        jdbcUrl = "jdbc:postgresql://" + uri.getHost() + ":" + port + uri.getPath();
    }

    @Override
    public synchronized void stop() {
        if (server != null) {
            server.close();
            server = null;
            TempDirs.delete(dir);
        }
        jdbcUrl = null;
    }

    public String jdbcUrl() {
        if (jdbcUrl == null) {
            throw notStarted(PostgresExtension.class);
        }
        return jdbcUrl;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    public Connection connection() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), user, password);
    }
}
