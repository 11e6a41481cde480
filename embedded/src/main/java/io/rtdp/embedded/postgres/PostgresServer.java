package io.rtdp.embedded.postgres;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import io.rtdp.embedded.process.LogFiles;
import io.rtdp.embedded.process.Signals;

/**
 * A real PostgreSQL server run from {@link PostgresBinaries}: {@code initdb} once, then the
 * {@code postgres} server process itself. Password authentication over TCP only.
 */
public final class PostgresServer implements AutoCloseable {
    /**
     * @param durable false trades durability for speed (tests): no fsync, no synchronous commit
     */
    public record Settings(Path binaries, Path dataDir, String host, int port, String user, String password,
                           boolean durable) {
        public String jdbcUrl(String database) {
            return "jdbc:postgresql://" + host + ":" + port + "/" + database;
        }

        /** A URL that {@code psql} accepts as it is. */
        public String psqlUrl(String database) {
            return "postgresql://" + user + ":" + password + "@" + host + ":" + port + "/" + database;
        }
    }

    private final Settings settings;
    private Process process;

    public PostgresServer(Settings settings) {
        this.settings = settings;
    }

    public Settings settings() {
        return settings;
    }

    /** Creates the cluster on first use; an existing data directory is kept as it is. */
    public void initIfNeeded(Path log) {
        if (Files.exists(settings.dataDir().resolve("PG_VERSION"))) {
            return;
        }
        try {
            Files.createDirectories(settings.dataDir());
            Path passwordFile = Files.createTempFile(settings.dataDir().getParent(), "pw", ".txt");
            try {
                Files.writeString(passwordFile, settings.password() + "\n", StandardCharsets.UTF_8);
                List<String> initdb = prefixed(binary("initdb"), "-D", settings.dataDir().toString(),
                        "-U", settings.user(), "--pwfile=" + passwordFile, "--auth=scram-sha-256",
                        "-E", "UTF8", "--no-locale");
                run(initdb, log);
            } finally {
                Files.deleteIfExists(passwordFile);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create PostgreSQL data directory " + settings.dataDir(), e);
        }
    }

    /** The command line of the server process; the platform starts it as a process of its own. */
    public List<String> serverCommand() {
        Map<String, String> config = new TreeMap<>();
        config.put("listen_addresses", settings.host());
        config.put("unix_socket_directories", "");
        if (!settings.durable()) {
            config.put("fsync", "off");
            config.put("synchronous_commit", "off");
            config.put("full_page_writes", "off");
        }
        List<String> args = new ArrayList<>(List.of("-D", settings.dataDir().toString(), "-p", Integer.toString(settings.port())));
        config.forEach((k, v) -> {
            args.add("-c");
            args.add(k + "=" + v);
        });
        return prefixed(binary("postgres"), args.toArray(String[]::new));
    }

    /** Starts the server as a child of this JVM and waits until it accepts connections. */
    public synchronized PostgresServer start(Path log, Duration timeout) {
        if (process != null) {
            return this;
        }
        initIfNeeded(log);
        try {
            process = new ProcessBuilder(serverCommand())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + binary("postgres"), e);
        }
        awaitReady(log, timeout);
        return this;
    }

    /** Polls until a login succeeds; fails early, with the server's log, when the process died. */
    private void awaitReady(Path log, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("PostgreSQL exited while starting; see " + log + ":\n" + LogFiles.tail(log, 15));
            }
            if (acceptsConnections()) {
                return;
            }
            sleep(100);
        }
        throw new IllegalStateException("PostgreSQL did not accept connections within " + timeout.toSeconds()
                + " s on " + settings.host() + ":" + settings.port() + "; see " + log);
    }

    /** Whether a login succeeds now; answers within a few seconds even when the server hangs. */
    public boolean acceptsConnections() {
        Properties login = new Properties();
        login.setProperty("user", settings.user());
        login.setProperty("password", settings.password());
        login.setProperty("connectTimeout", "2");
        login.setProperty("loginTimeout", "3");
        login.setProperty("socketTimeout", "3");
        try (Connection c = DriverManager.getConnection(settings.jdbcUrl("postgres"), login)) {
            return c.isValid(2);
        } catch (SQLException notYet) {
            return false;
        }
    }

    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(settings.jdbcUrl(database), settings.user(), settings.password());
    }

    public void createDatabaseIfMissing(String database) {
        try (Connection c = connect("postgres");
             PreparedStatement exists = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, database);
            try (ResultSet rs = exists.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
            try (Statement create = c.createStatement()) {
                // Identifiers cannot be bound as parameters; the name comes from configuration, quoted here.
                create.execute("CREATE DATABASE \"" + database.replace("\"", "\"\"") + "\"");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + database + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        if (process != null) {
            // SIGINT is PostgreSQL's "fast" shutdown: it does not wait for clients to disconnect.
            Signals.stop(process.pid(), "INT", Duration.ofSeconds(30));
            process = null;
        }
    }

    private Path binary(String name) {
        return settings.binaries().resolve("bin").resolve(name);
    }

    /**
     * PostgreSQL refuses to run as root. As root, run it in a new user namespace where it is not
     * root (what {@code unshare -U} gives), which keeps working on machines where we are root.
     */
    private static List<String> prefixed(Path program, String... args) {
        List<String> command = new ArrayList<>();
        if (isRoot()) {
            command.addAll(List.of("unshare", "-U"));
        }
        command.add(program.toString());
        command.addAll(List.of(args));
        return command;
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static void run(List<String> command, Path log) throws IOException {
        Files.createDirectories(log.getParent());
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        try {
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IOException(String.join(" ", command) + " failed; see " + log + ":\n" + LogFiles.tail(log, 15));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + command.get(0), e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
