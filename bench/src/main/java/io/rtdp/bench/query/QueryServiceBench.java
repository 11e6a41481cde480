package io.rtdp.bench.query;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.rtdp.embedded.net.Ports;
import io.rtdp.testkit.JvmProcess;
import io.rtdp.testkit.KafkaBrokerExtension;
import io.rtdp.testkit.PostgresExtension;
import io.rtdp.testkit.TempDirs;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * {@code ./rtdp bench query-service [CLIENTS] [SECONDS]}: a key lookup through the query service
 * against the same lookup done directly, under concurrent clients: PostgreSQL's latest row of a
 * key (the service's {@code /v1/<table>/<key>} against JDBC with a prepared statement) and a KSQL
 * table's row (the service's {@code /v1/live/<name>/<key>} against the KSQL server's
 * {@code /query-stream}). The service and the KSQL server run as processes of their own, as
 * {@code ./rtdp up} runs them; the aim is that the service adds less than 2 ms at p99. Each side is
 * measured three times: back to back for throughput, then at two fixed rates every side carries for latency.
 *
 * <p>{@code ./rtdp bench query-service CLIENTS SECONDS ROUNDS [OTHER_HOME]}: each side runs ROUNDS
 * times, the sides taking turns (in the opposite order every other round), so that a machine whose
 * load changes meanwhile weighs on each side alike; use an even number. With OTHER_HOME (a copy of an rtdp home with another build of {@code query-service/target},
 * e.g. from before a change) that build runs too, against the same servers, in the same turns.
 */
public final class QueryServiceBench {
    private static final int KEYS = 10_000;
    private static final int WINDOWS = 10;
    private static final String API_KEY = "bench-api-key-0123456789";
    private static final String ROW_SQL = "SELECT device_id, window_start, readings, avg_value FROM rtdp.device_stats"
            + " WHERE device_id = ? ORDER BY window_start DESC LIMIT 1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private QueryServiceBench() {
    }

    public static void main(String[] args) throws Exception {
        int clients = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        long seconds = args.length > 1 ? Long.parseLong(args[1]) : 10;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        Path home = Path.of(System.getProperty("rtdp.home", "..")).toAbsolutePath().normalize();
        List<Path> builds = new ArrayList<>(List.of(home));
        if (args.length > 3) {
            builds.add(Path.of(args[3]).toAbsolutePath().normalize());
        }
        Path work = Files.createTempDirectory("rtdp-bench-query-service");
        PostgresExtension postgres = new PostgresExtension().start();
        KafkaBrokerExtension kafka = new KafkaBrokerExtension().start();
        List<JvmProcess> services = new ArrayList<>();
        try {
            fillPostgres(postgres);
            String ksqlUrl = "http://127.0.0.1:" + Ports.free();
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            // The service needs no KSQL server to start: the PostgreSQL side is measured first.
            List<String> serviceUrls = new ArrayList<>();
            List<String> adminUrls = new ArrayList<>();
            for (int b = 0; b < builds.size(); b++) {
                int port = Ports.free();
                int adminPort = Ports.free();
                Path config = work.resolve("query-service-" + b + ".yml");
                Files.writeString(config, serviceConfig(port, adminPort, postgres, ksqlUrl));
                JvmProcess service = JvmProcess.start("query-service", List.of("-Xmx1g"),
                        JvmProcess.moduleClasspath(builds.get(b), "query-service"), "io.rtdp.query.QueryServiceApplication",
                        List.of("server", config.toString()), work.resolve("query-service-" + b + ".log"));
                services.add(service);
                service.awaitReady("http://127.0.0.1:" + adminPort + "/ready", Duration.ofSeconds(120));
                serviceUrls.add("http://127.0.0.1:" + port);
                adminUrls.add("http://127.0.0.1:" + adminPort);
            }
            LookupLoad load = new LookupLoad(clients, KEYS);
            System.out.printf("query-service: %d clients, %d s per side and round, %d round(s), %d keys, HTTP/1.1 keep-alive%s%n",
                    clients, seconds, rounds, KEYS, builds.size() > 1 ? "; other build from " + builds.get(1) : "");
            List<Double> latencyRates = compare(load, seconds, rounds, "query-service-postgres",
                    services("query-service-postgres", serviceUrls, services, url -> () -> key -> get(http, url + "/v1/device_stats/" + key)),
                    new Side("query-service-postgres direct (jdbc)", () -> new JdbcLookup(postgres), null));
            // The load client against an endpoint that does no work (Jetty only): the service's
            // numbers cannot be better than these, whatever it does.
            LookupLoad.ClientFactory ping = () -> key -> get(http, adminUrls.get(0) + "/ping");
            load.run("client-ceiling warm-up", ping, 3);
            System.out.println(load.run("client-ceiling (the same HTTP client, GET admin /ping)", ping, seconds));
            // At a fixed rate too: each request then finds the server's threads asleep, and waking them
            // on this machine is a floor under every HTTP service's p99, ours included.
            for (double rate : latencyRates) {
                System.out.println(load.run("client-ceiling (the same HTTP client, GET admin /ping)", ping, seconds, rate)
                        + String.format(" at %.0f/s", rate));
            }

            Path ksqlProperties = work.resolve("ksql-server.properties");
            Files.writeString(ksqlProperties, "listeners=" + ksqlUrl + "\nbootstrap.servers=" + kafka.bootstrapServers()
                    + "\nksql.service.id=bench_\nksql.streams.state.dir=" + work.resolve("ksql-state")
                    + "\nksql.streams.commit.interval.ms=100\nksql.streams.cache.max.bytes.buffering=0\n");
            try (JvmProcess ksql = JvmProcess.start("ksql-server", List.of("-Xmx1g"), JvmProcess.moduleClasspath(home, "ksql-server"),
                    "io.rtdp.ksql.server.KsqlServerMain", List.of(ksqlProperties.toString()), work.resolve("ksql-server.log"))) {
                ksql.awaitReady(ksqlUrl + "/info", Duration.ofSeconds(120));
                fillKsql(ksqlUrl, kafka.bootstrapServers());
                compare(load, seconds, rounds, "query-service-ksql",
                        services("query-service-ksql", serviceUrls, services, url -> () -> key -> get(http, url + "/v1/live/device_totals/" + key)),
                        new Side("query-service-ksql direct (ksql-server)", () -> key -> pull(http, ksqlUrl, key), ksql));
            }
        } finally {
            services.forEach(JvmProcess::close);
            kafka.stop();
            postgres.stop();
        }
        // Kept when the run failed: the servers' logs are in it.
        TempDirs.delete(work);
    }

    /**
     * One way of doing the lookups, under the name its numbers are printed with, and the process
     * that answers them (null: none of ours), whose CPU time per lookup is reported.
     */
    private record Side(String name, LookupLoad.ClientFactory clients, JvmProcess server) {
        /** One run of the side at the rate (0: back to back), with the CPU its server spent meanwhile. */
        Run run(LookupLoad load, String runName, long seconds, double rate) throws Exception {
            Duration before = server == null ? Duration.ZERO : server.cpuTime();
            LookupLoad.Result result = load.run(runName, clients, seconds, rate);
            return new Run(result, server == null ? Duration.ZERO : server.cpuTime().minus(before));
        }
    }

    private record Run(LookupLoad.Result result, Duration serverCpu) {
        double serverNanosPerLookup() {
            return (double) serverCpu.toNanos() / result.sortedNanos().length;
        }
    }

    /** The service of this build and, when given, of the other build. */
    private static List<Side> services(String name, List<String> urls, List<JvmProcess> processes,
            Function<String, LookupLoad.ClientFactory> lookup) {
        List<Side> sides = new ArrayList<>();
        for (int b = 0; b < urls.size(); b++) {
            sides.add(new Side(b == 0 ? name : name + " [other build]", lookup.apply(urls.get(b)), processes.get(b)));
        }
        return sides;
    }

    /**
     * Throughput first, back to back; then latency with every side at the same fixed rates, a
     * quarter and a half of what the slowest side carried: at saturation a p99 only measures the
     * queue in front of the 2 cores, not what the service adds to a lookup, and how the tail grows
     * between the two rates shows how much of it is that queue. Returns those fixed rates.
     */
    private static List<Double> compare(LookupLoad load, long seconds, int rounds, String name, List<Side> services, Side direct)
            throws Exception {
        List<Side> sides = new ArrayList<>(services);
        sides.add(direct);
        for (Side side : sides) {
            warmUp(load, side);
        }
        List<LookupLoad.Result> throughput = measure(load, sides, seconds, rounds, 0);
        LookupLoad.Result baselineThroughput = throughput.get(throughput.size() - 1);
        for (int i = 0; i < sides.size() - 1; i++) {
            System.out.printf("%s-lookups: ours=%.0f/s baseline=%.0f/s ratio=%.2f%n", throughput.get(i).name(), throughput.get(i).perSecond(),
                    baselineThroughput.perSecond(), throughput.get(i).perSecond() / baselineThroughput.perSecond());
        }
        double slowest = throughput.stream().mapToDouble(LookupLoad.Result::perSecond).min().orElseThrow();
        List<Double> rates = new ArrayList<>();
        for (String share : List.of("a quarter", "half")) {
            double rate = Math.max(10, Math.floor(slowest / (share.equals("half") ? 2 : 4) / 10) * 10);
            rates.add(rate);
            System.out.printf("%s: latency at %.0f lookups/s (%s of the slowest side's throughput), timed from when each lookup was due%n",
                    name, rate, share);
            List<LookupLoad.Result> latency = measure(load, sides, seconds, rounds, rate);
            LookupLoad.Result baseline = latency.get(latency.size() - 1);
            for (LookupLoad.Result service : latency.subList(0, latency.size() - 1)) {
                String ours = service.name();
                System.out.printf("%s-p50-at-%.0f/s: ours=%.2fms baseline=%.2fms ratio=%.2f%n", ours, rate, service.p50Millis(),
                        baseline.p50Millis(), baseline.p50Millis() / service.p50Millis());
                System.out.printf("%s-p99-at-%.0f/s: ours=%.2fms baseline=%.2fms ratio=%.2f%n", ours, rate, service.p99Millis(),
                        baseline.p99Millis(), baseline.p99Millis() / service.p99Millis());
                System.out.printf("%s: at %.0f lookups/s the service adds %.2f ms at p50 and %.2f ms at p99 (aim: < 2 ms at p99)%n",
                        ours, rate, service.p50Millis() - baseline.p50Millis(), service.p99Millis() - baseline.p99Millis());
            }
        }
        return rates;
    }

    /** Each side ROUNDS times, the sides taking turns; prints and returns each side's runs together. */
    private static List<LookupLoad.Result> measure(LookupLoad load, List<Side> sides, long seconds, int rounds, double rate)
            throws Exception {
        Map<Side, List<LookupLoad.Result>> runs = new LinkedHashMap<>();
        Map<Side, Duration> cpu = new LinkedHashMap<>();
        sides.forEach(side -> runs.put(side, new ArrayList<>()));
        // Every other round in the opposite order (A B C, C B A, …): a side measured first, or right
        // after another, is not favoured, nor is one measured while the machine's load rises or falls.
        for (int round = 0; round < rounds; round++) {
            List<Side> order = new ArrayList<>(sides);
            if (round % 2 == 1) {
                Collections.reverse(order);
            }
            for (Side side : order) {
                Run run = side.run(load, side.name(), seconds, rate);
                cpu.merge(side, run.serverCpu(), Duration::plus);
                runs.get(side).add(run.result());
            }
        }
        List<LookupLoad.Result> results = new ArrayList<>();
        runs.forEach((side, sideRuns) -> results.add(LookupLoad.Result.merge(side.name(), sideRuns)));
        String mode = rate > 0 ? String.format(" at %.0f/s", rate) : " back to back";
        for (int i = 0; i < sides.size(); i++) {
            Side side = sides.get(i);
            // CPU is what a loaded machine runs out of first: what each lookup costs the process serving it.
            String cost = side.server() == null ? "" : String.format(", %.0f µs of the %s process's CPU per lookup",
                    cpu.get(side).toNanos() / 1e3 / results.get(i).sortedNanos().length, side.server().name());
            System.out.println(results.get(i) + mode + cost);
        }
        return results;
    }

    /**
     * Runs the side until its server's JIT has settled: a freshly started service spends most of
     * its first minute compiling, which a few seconds of warm-up leave in the measurement. Settled
     * means, after 15 s at least, two 3-second slices in a row that cost the server within 10 % of
     * the same CPU per lookup.
     */
    private static void warmUp(LookupLoad load, Side side) throws Exception {
        if (side.server() == null) {
            load.run(side.name() + " warm-up", side.clients(), 5);
            return;
        }
        double previous = Double.MAX_VALUE;
        for (int slice = 1; slice <= 30; slice++) {
            double cpuPerLookup = side.run(load, side.name() + " warm-up", 3, 0).serverNanosPerLookup();
            if (slice >= 5 && Math.abs(cpuPerLookup - previous) < 0.1 * previous) {
                System.out.printf("%s: warmed up in %d s%n", side.name(), slice * 3);
                return;
            }
            previous = cpuPerLookup;
        }
        System.out.printf("%s: CPU per lookup still changing after 90 s of warm-up%n", side.name());
    }

    private static boolean get(HttpClient http, String url) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).header("X-API-Key", API_KEY).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200 && response.statusCode() != 404) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.statusCode() == 200;
    }

    /** The same pull query the service sends, read the same way: metadata line, then one line per row. */
    private static boolean pull(HttpClient http, String ksqlUrl, String key) throws Exception {
        String body = JSON.writeValueAsString(Map.of("sql", "SELECT * FROM `DEVICE_TOTALS` WHERE `DEVICE` = '" + key + "';",
                "properties", Map.of()));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(ksqlUrl + "/query-stream"))
                .header("Content-Type", "application/json").header("Accept", "application/vnd.ksqlapi.delimited.v1")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("/query-stream answered " + response.statusCode() + ": " + response.body());
        }
        String[] lines = response.body().strip().split("\n");
        for (String line : lines) {
            JSON.readTree(line);
        }
        return lines.length > 1;
    }

    /** One client's own connection and prepared statement, as a pooled application would hold them. */
    private static final class JdbcLookup implements LookupLoad.Client {
        private final Connection connection;
        private final PreparedStatement statement;

        JdbcLookup(PostgresExtension postgres) throws Exception {
            connection = DriverManager.getConnection(postgres.jdbcUrl(), postgres.user(), postgres.password());
            statement = connection.prepareStatement(ROW_SQL);
        }

        @Override
        public boolean lookup(String key) throws Exception {
            statement.setString(1, key);
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    return false;
                }
                rows.getString(1);
                rows.getObject(2);
                rows.getLong(3);
                rows.getDouble(4);
                return true;
            }
        }

        @Override
        public void close() throws Exception {
            connection.close();
        }
    }

    private static void fillPostgres(PostgresExtension postgres) throws Exception {
        try (Connection connection = postgres.connection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA IF NOT EXISTS rtdp;"
                    + "CREATE TABLE rtdp.device_stats (device_id text NOT NULL, window_start timestamptz NOT NULL,"
                    + " readings bigint NOT NULL, avg_value double precision, PRIMARY KEY (device_id, window_start));"
                    + "INSERT INTO rtdp.device_stats SELECT 'dev-' || d, timestamptz '2026-11-25 10:00:00+00'"
                    + " + make_interval(mins => m), m + 1, d / 10.0 + m FROM generate_series(0, " + (KEYS - 1) + ") AS d,"
                    + " generate_series(0, " + (WINDOWS - 1) + ") AS m;"
                    + "ANALYZE rtdp.device_stats;");
        }
    }

    /** A stream and the table of its totals per device, one reading per key, fed through Kafka. */
    private static void fillKsql(String ksqlUrl, String bootstrapServers) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String statements = "CREATE STREAM READINGS (DEVICE STRING KEY, CELSIUS DOUBLE) WITH (KAFKA_TOPIC='bench_readings',"
                + " VALUE_FORMAT='JSON', PARTITIONS=1);"
                + "CREATE TABLE DEVICE_TOTALS AS SELECT DEVICE, COUNT(*) AS READINGS, MAX(CELSIUS) AS WARMEST FROM READINGS"
                + " GROUP BY DEVICE;";
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(ksqlUrl + "/ksql"))
                .header("Content-Type", "application/vnd.ksql.v1+json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("ksql", statements,
                        "streamsProperties", Map.of("ksql.streams.auto.offset.reset", "earliest"))))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() != 200) {
            throw new IllegalStateException("cannot create the KSQL table: " + created.body());
        }
        Properties producer = new Properties();
        producer.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        producer.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        try (KafkaProducer<String, String> records = new KafkaProducer<>(producer, new StringSerializer(), new StringSerializer())) {
            for (int d = 0; d < KEYS; d++) {
                records.send(new ProducerRecord<>("bench_readings", "dev-" + d, "{\"CELSIUS\":" + (20 + d % 10) + ".5}"));
            }
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        HttpClient pulls = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        while (!pull(pulls, ksqlUrl, "dev-" + (KEYS - 1))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the KSQL table has not got the last key within 120 s");
            }
            Thread.sleep(500);
        }
    }

    private static String serviceConfig(int port, int adminPort, PostgresExtension postgres, String ksqlUrl) {
        return """
                server:
                  applicationConnectors: [{type: http, bindHost: 127.0.0.1, port: %d}]
                  adminConnectors: [{type: http, bindHost: 127.0.0.1, port: %d}]
                  requestLog: {appenders: []}
                logging: {level: WARN}
                database:
                  driverClass: org.postgresql.Driver
                  url: %s
                  user: %s
                  password: %s
                  initialSize: 16
                  minSize: 16
                  maxSize: 16
                  properties: {loginTimeout: "5"}
                ksql: {url: %s, timeout: 5s}
                auth:
                  apiKeys: [{name: bench, key: %s, roles: [reader]}]
                tables:
                  device_stats:
                    table: rtdp.device_stats
                    keys: [device_id]
                    time: window_start
                    columns: [device_id, window_start, readings, avg_value]
                live:
                  device_totals: {source: DEVICE_TOTALS, key: DEVICE}
                """.formatted(port, adminPort, postgres.jdbcUrl(), postgres.user(), postgres.password(), ksqlUrl, API_KEY);
    }
}
