package io.rtdp.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;


/** ./rtdp as an operator uses it: up, status, down, up again with the data still there, and faults. */
class LauncherLifecycleTest {
    // Kept when the test fails: the servers' logs under logs/ tell why.
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dataDir;

    private Launcher launcher;

    private Launcher launcher(String... extraSettings) {
        List<String> settings = new ArrayList<>(List.of(
                // The shipped pipelines have their own test (PipelinesUpTest); this one is about the servers.
                "pipelines.apply=false"));
        settings.addAll(List.of(extraSettings));
        launcher = Launcher.onFreePorts(dataDir, settings.toArray(String[]::new));
        return launcher;
    }

    @AfterEach
    void stopWhateverRuns() throws Exception {
        if (launcher != null) {
            launcher.run("down");
        }
    }

    @Test
    void startsEverythingKeepsDataAcrossRestartsAndReportsAKilledComponent() throws Exception {
        Launcher rtdp = launcher();
        Launcher.Result up = rtdp.run("up", "-d");
        assertThat(up.exitCode()).as(up.output()).isZero();
        assertThat(up.output()).containsPattern("postgres +postgresql://rtdp:rtdp@localhost:\\d+/rtdp +UP")
                .containsPattern("kafka +localhost:\\d+ +UP").containsPattern("schema-registry +http://localhost:\\d+ +UP")
                .containsPattern("connect +http://localhost:\\d+ +UP")
                .containsPattern("ksql-server +http://localhost:\\d+ +UP")
                .containsPattern("query-service +http://localhost:\\d+ +UP");
        String bootstrap = column(up.output(), "kafka");
        String connectUrl = column(up.output(), "connect");
        String psqlUrl = column(up.output(), "postgres");

        assertThat(httpGet(connectUrl + "/connector-plugins")).contains("io.debezium.connector.jdbc.JdbcSinkConnector",
                "io.rtdp.connectors.generator.GeneratorSourceConnector", "io.rtdp.connectors.ingest.HttpIngestSourceConnector");
        assertThat(httpGet(column(up.output(), "schema-registry") + "/subjects")).isEqualTo("[]");
        assertThat(httpGet(column(up.output(), "query-service") + "/openapi.json")).contains("\"openapi\"");
        assertThat(httpGet(column(up.output(), "ksql-server") + "/info")).contains("KsqlServerInfo");
        String ksqlUrl = column(up.output(), "ksql-server");
        assertThat(ksql(ksqlUrl, "CREATE STREAM kept_readings (device VARCHAR KEY, celsius DOUBLE) "
                + "WITH (KAFKA_TOPIC='kept_readings', VALUE_FORMAT='JSON', PARTITIONS=1);")).contains("SUCCESS");
        assertThat(ksql(ksqlUrl, "DESCRIBE FUNCTION CONVERT_UNIT;")).as("the platform's own functions (ksql-udfs)")
                .contains("ksql-udfs").contains("\"author\":\"rtdp\"");
        assertThat(httpGet(connectUrl + "/connector-plugins?connectorsOnly=false")).contains("io.rtdp.avro.connect.AvroConverter");
        try (Connection c = connect(psqlUrl); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE kept (note text)");
            s.execute("INSERT INTO kept VALUES ('written before down')");
            try (ResultSet schema = s.executeQuery("SELECT count(*) FROM rtdp.flyway_schema_history WHERE success")) {
                schema.next();
                assertThat(schema.getInt(1)).as("sql/ migrations applied by up").isPositive();
            }
        }
        produce(bootstrap, "kept-topic", "written before down");
        assertThat(consume(bootstrap, "kept-topic", 1)).containsExactly("written before down");

        Launcher.Result again = rtdp.run("up", "-d");
        assertThat(again.exitCode()).isZero();
        assertThat(again.output()).contains("already running").contains(dataDir.toString());
        assertThat(rtdp.run("status").exitCode()).isZero();

        Launcher.Result down = rtdp.run("down");
        assertThat(down.exitCode()).isZero();
        assertThat(down.output()).contains("query-service ... stopped", "connect ... stopped", "ksql-server ... stopped",
                "schema-registry ... stopped",
                "kafka ... stopped", "postgres ... stopped");
        Launcher.Result downAgain = rtdp.run("down");
        assertThat(downAgain.exitCode()).isZero();
        assertThat(downAgain.output()).contains("not running");
        assertThat(rtdp.run("status").exitCode()).isEqualTo(3);

        Launcher.Result upAgain = rtdp.run("up", "-d");
        assertThat(upAgain.exitCode()).as(upAgain.output()).isZero();
        try (Connection c = connect(psqlUrl); ResultSet rs = c.createStatement().executeQuery("SELECT note FROM kept")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("written before down");
        }
        assertThat(consume(bootstrap, "kept-topic", 1)).containsExactly("written before down");
        assertThat(ksql(ksqlUrl, "SHOW STREAMS;")).as("KSQL's command log survives a restart").contains("KEPT_READINGS");

        long kafkaPid = pidOf("kafka");
        ProcessHandle kafkaProcess = ProcessHandle.of(kafkaPid).orElseThrow();
        kafkaProcess.destroyForcibly();
        kafkaProcess.onExit().get();
        long begin = System.nanoTime();
        Launcher.Result status = rtdp.run("status");
        assertThat(Duration.ofNanos(System.nanoTime() - begin)).isLessThan(Duration.ofSeconds(30));
        assertThat(status.exitCode()).isEqualTo(1);
        assertThat(status.output()).containsPattern("kafka +localhost:\\d+ +DOWN").containsPattern("postgres .* UP");

        Launcher.Result unknown = rtdp.run("restart", "zookeeper");
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.output()).contains("no server named 'zookeeper'", "kafka", "ksql-server", "connect");
        Launcher.Result restarted = rtdp.run("restart", "kafka");
        assertThat(restarted.exitCode()).as(restarted.output()).isZero();
        assertThat(restarted.output()).containsPattern("kafka \\.\\.\\. ready in");
        assertThat(consume(bootstrap, "kept-topic", 1)).as("the restarted broker's data").containsExactly("written before down");

        // The whole log: while the broker was down, Connect wrote a warning per client and retry,
        // enough on a loaded machine to push its start-up line out of the last 500 (CI, load 15).
        Launcher.Result logs = rtdp.run("logs", "connect", "-n", "1000000");
        assertThat(logs.output()).contains("Kafka Connect started");
    }

    @Test
    void aPortInUseIsNamedWithTheComponentAndHowToChangeIt() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Launcher.Result up = launcher("connect.host=127.0.0.1", "connect.port=" + taken.getLocalPort()).run("up", "-d");

            assertThat(up.exitCode()).isEqualTo(1);
            assertThat(up.output()).contains("connect cannot start: port " + taken.getLocalPort())
                    .contains("--set connect.port=").contains("RTDP_CONNECT_PORT");
            assertThat(launcher.run("status").exitCode()).as("nothing was started").isEqualTo(3);
        }
    }

    @Test
    void aComponentThatFailsToStartIsReportedWithItsLogAndTheRestIsStopped() throws Exception {
        Launcher.Result up = launcher("kafka.jvm-options=-Xmx2m -Xms2m").run("up", "-d");

        assertThat(up.exitCode()).isEqualTo(1);
        assertThat(up.output()).contains("kafka did not start").contains(dataDir.resolve("logs/kafka.log").toString())
                .contains("Stopping what was started", "postgres ... stopped");
        assertThat(launcher.run("status").exitCode()).isEqualTo(3);
    }

    private long pidOf(String component) throws IOException {
        for (var p : new ObjectMapper().readTree(dataDir.resolve("run/state.json").toFile()).path("processes")) {
            if (p.path("name").asText().equals(component)) {
                return p.path("pid").asLong();
            }
        }
        throw new AssertionError("no " + component + " in the run state");
    }

    private static String column(String table, String component) {
        Matcher m = Pattern.compile("(?m)^" + component + " +(\\S+) ").matcher(table);
        assertThat(m.find()).as("row of %s in\n%s", component, table).isTrue();
        return m.group(1);
    }

    private static Connection connect(String psqlUrl) throws Exception {
        URI uri = URI.create(psqlUrl);
        String[] credentials = uri.getUserInfo().split(":", 2);
        return DriverManager.getConnection("jdbc:postgresql://" + uri.getHost() + ":" + uri.getPort() + uri.getPath(),
                credentials[0], credentials[1]);
    }

    private static String httpGet(String url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private static String ksql(String serverUrl, String statements) throws Exception {
        String body = new ObjectMapper().writeValueAsString(Map.of("ksql", statements, "streamsProperties", Map.of()));
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(serverUrl + "/ksql"))
                .header("Content-Type", "application/vnd.ksql.v1+json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    private static void produce(String bootstrap, String topic, String value) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, value)).get();
        }
    }

    private static List<String> consume(String bootstrap, String topic, int count) {
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "reader-" + System.nanoTime(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (values.size() < count && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> values.add(r.value()));
            }
        }
        return values;
    }
}
