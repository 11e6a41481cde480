package io.rtdp.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTaskContext;
import org.apache.kafka.connect.storage.OffsetStorageReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.rtdp.connectors.generator.GeneratorSourceConnector;
import io.rtdp.connectors.generator.GeneratorSourceTask;
import io.rtdp.embedded.net.Ports;

/**
 * The IoT pipeline against an independent computation: the event generator with a fixed seed,
 * count and event-time origin (out-of-order and late readings included) feeds the platform that
 * ./rtdp up started, and every row of rtdp.iot_device_stats_1m must equal what this test computes
 * from the same events, regenerated here with the connector's own classes: the filter of
 * IOT_READINGS_VALID, then one-minute tumbling windows with a 10 s grace (readings that arrive
 * after their window closed in event time are not counted), final results only.
 */
class PipelinesEndToEndTest {
    private static final long MINUTE = 60_000;
    private static final long GRACE = 10_000;
    private static final String WATERMARK_DEVICE = "e2e-watermark";

    @TempDir
    Path dataDir;

    private Launcher launcher;

    @AfterEach
    void down() throws Exception {
        if (launcher != null) {
            launcher.run("down");
        }
    }

    @Test
    void deviceStatsInPostgresEqualAnIndependentComputation() throws Exception {
        Map<String, String> generator = new LinkedHashMap<>();
        generator.put("connector.class", GeneratorSourceConnector.class.getName());
        generator.put("tasks.max", "1");
        generator.put("topic", "iot.readings");
        generator.put("domain", "iot-readings");
        generator.put("seed", "7");
        generator.put("keys", "20");
        generator.put("rate.per.second", "0");
        generator.put("count", "4000");
        generator.put("event.time.start", "2026-01-01T00:00:00Z");
        generator.put("event.time.step.ms", "150");
        generator.put("event.time.out.of.order.ratio", "0.05");
        generator.put("event.time.out.of.order.max.ms", "5000");
        generator.put("event.time.late.ratio", "0.02");
        generator.put("event.time.late.delay.ms", "120000");
        generator.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
        generator.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
        generator.put("value.converter.schemas.enable", "false");
        List<Struct> readings = regenerate(generator);
        Map<String, WindowStats> expected = expectedDeviceStats(readings);
        assertThat(expected).hasSizeGreaterThan(150);

        launcher = new Launcher(dataDir, List.of(
                "kafka.port=" + Ports.free(), "kafka.controller-port=" + Ports.free(), "schema-registry.port=" + Ports.free(),
                "connect.port=" + Ports.free(), "postgres.port=" + Ports.free(),
                "query-service.port=" + Ports.free(), "query-service.admin-port=" + Ports.free(),
                "ksql-server.port=" + Ports.free(), "pipelines.ingest-port=" + Ports.free(),
                "pipelines.generators=false"));
        Launcher.Result up = launcher.run("up", "-d");
        assertThat(up.exitCode()).as(up.output()).isZero();
        String psqlUrl = column(up.output(), "postgres");
        String bootstrap = column(up.output(), "kafka");

        put(column(up.output(), "connect") + "/connectors/e2e-iot-readings/config", generator);
        long lastEventTime = readings.stream().mapToLong(r -> ((Date) r.get("event_time")).getTime()).max().orElseThrow();
        TopicPartition readingsTopic = new TopicPartition("iot.readings", 0);
        // The watermark must come after every generated reading: sent among them, it would make the
        // later ones late.
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(bootstrap)) {
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).until(() ->
                    consumer.endOffsets(List.of(readingsTopic)).get(readingsTopic) >= readings.size());
        }
        try (KafkaProducer<String, String> producer = producer(bootstrap)) {
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
                // A reading far ahead in event time closes every window of the generated ones; sent
                // again on each poll, because a final result is emitted when a later record arrives.
                producer.send(new ProducerRecord<>("iot.readings", WATERMARK_DEVICE, "{\"site\":\"e2e\",\"temperature\":20.0,"
                        + "\"humidity\":50.0,\"battery\":90.0,\"status\":\"OK\",\"event_time\":" + (lastEventTime + 10 * MINUTE) + "}"));
                producer.flush();
                assertThat(actualDeviceStats(psqlUrl)).containsOnlyKeys(expected.keySet());
            });
        }
        Map<String, WindowStats> actual = actualDeviceStats(psqlUrl);
        for (Map.Entry<String, WindowStats> e : expected.entrySet()) {
            assertThat(actual.get(e.getKey()).matches(e.getValue())).as("%s: expected %s, got %s", e.getKey(), e.getValue(),
                    actual.get(e.getKey())).isTrue();
        }
    }

    /** The events the connector writes with this configuration, in order, from its own task class. */
    private static List<Struct> regenerate(Map<String, String> config) throws InterruptedException {
        GeneratorSourceConnector connector = new GeneratorSourceConnector();
        connector.start(config);
        GeneratorSourceTask task = new GeneratorSourceTask();
        task.initialize(new SourceTaskContext() {
            @Override
            public Map<String, String> configs() {
                return config;
            }

            @Override
            public PluginMetrics pluginMetrics() {
                throw new UnsupportedOperationException("the generator registers no metrics");
            }

            @Override
            public OffsetStorageReader offsetStorageReader() {
                // No committed offsets: the task starts from the first event, as the new connector does.
                return new OffsetStorageReader() {
                    @Override
                    public <T> Map<String, Object> offset(Map<String, T> partition) {
                        return null;
                    }

                    @Override
                    public <T> Map<Map<String, T>, Map<String, Object>> offsets(java.util.Collection<Map<String, T>> partitions) {
                        return Map.of();
                    }
                };
            }
        });
        task.start(connector.taskConfigs(1).get(0));
        List<Struct> events = new ArrayList<>();
        long count = Long.parseLong(config.get("count"));
        while (events.size() < count) {
            List<SourceRecord> batch = task.poll();
            if (batch != null) {
                batch.forEach(r -> events.add((Struct) r.value()));
            }
        }
        task.stop();
        return events;
    }

    /** IOT_READINGS_VALID's filter, then Kafka Streams' tumbling windows with grace, as KSQL plans them. */
    private static Map<String, WindowStats> expectedDeviceStats(List<Struct> readings) {
        Map<String, WindowStats> windows = new TreeMap<>();
        long streamTime = Long.MIN_VALUE;
        for (Struct r : readings) {
            double temperature = r.getFloat64("temperature");
            double humidity = r.getFloat64("humidity");
            double battery = r.getFloat64("battery");
            boolean valid = !"OFFLINE".equals(r.getString("status")) && temperature >= -40 && temperature <= 85
                    && humidity >= 0 && humidity <= 100 && battery >= 0 && battery <= 100;
            if (!valid) {
                continue;
            }
            long time = ((Date) r.get("event_time")).getTime();
            streamTime = Math.max(streamTime, time);
            long start = time - Math.floorMod(time, MINUTE);
            if (start + MINUTE <= streamTime - GRACE) {
                continue; // its window closed before it arrived: late, not counted
            }
            windows.computeIfAbsent(r.getString("device_id") + "@" + start, k -> new WindowStats(r.getString("site")))
                    .add(temperature, humidity, battery);
        }
        return windows;
    }

    private static Map<String, WindowStats> actualDeviceStats(String psqlUrl) throws Exception {
        Map<String, WindowStats> rows = new TreeMap<>();
        try (Connection c = connect(psqlUrl); ResultSet r = c.createStatement().executeQuery(
                "SELECT device_id, window_start, site, readings, temperature_min, temperature_max, temperature_avg, "
                        + "temperature_stddev, humidity_avg, battery_min, window_end - window_start = interval '1 minute' "
                        + "FROM rtdp.iot_device_stats_1m WHERE device_id <> '" + WATERMARK_DEVICE + "'")) {
            while (r.next()) {
                assertThat(r.getBoolean(11)).as("one-minute window").isTrue();
                rows.put(r.getString(1) + "@" + r.getTimestamp(2).getTime(), WindowStats.of(r.getString(3), r.getLong(4),
                        r.getDouble(5), r.getDouble(6), r.getDouble(7), r.getDouble(8), r.getDouble(9), r.getDouble(10)));
            }
        }
        return rows;
    }

    /** One device's minute: what the test accumulates, or what PostgreSQL holds. */
    private static final class WindowStats {
        private final String site;
        private final List<Double> temperatures = new ArrayList<>();
        private double humiditySum;
        private double batteryMin = Double.MAX_VALUE;
        private double[] stored;

        WindowStats(String site) {
            this.site = site;
        }

        static WindowStats of(String site, long readings, double min, double max, double avg, double stddev,
                              double humidityAvg, double batteryMin) {
            WindowStats s = new WindowStats(site);
            s.stored = new double[] {readings, min, max, avg, stddev, humidityAvg, batteryMin};
            return s;
        }

        void add(double temperature, double humidity, double battery) {
            temperatures.add(temperature);
            humiditySum += humidity;
            batteryMin = Math.min(batteryMin, battery);
        }

        double[] values() {
            if (stored != null) {
                return stored;
            }
            int n = temperatures.size();
            double mean = temperatures.stream().mapToDouble(Double::doubleValue).sum() / n;
            double squares = temperatures.stream().mapToDouble(t -> (t - mean) * (t - mean)).sum();
            return new double[] {n, temperatures.stream().mapToDouble(Double::doubleValue).min().orElseThrow(),
                    temperatures.stream().mapToDouble(Double::doubleValue).max().orElseThrow(), mean,
                    n < 2 ? 0.0 : Math.sqrt(squares / (n - 1)), humiditySum / n, batteryMin};
        }

        /** Counts, minima and maxima exactly; averages and deviations to 1e-9 (summation order differs). */
        boolean matches(WindowStats expected) {
            double[] a = values();
            double[] e = expected.values();
            if (!site.equals(expected.site) || a[0] != e[0] || a[1] != e[1] || a[2] != e[2] || a[6] != e[6]) {
                return false;
            }
            for (int i : new int[] {3, 4, 5}) {
                if (Math.abs(a[i] - e[i]) > 1e-9 * Math.max(1, Math.abs(e[i]))) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public String toString() {
            return site + " " + java.util.Arrays.toString(values());
        }
    }

    private static void put(String url, Map<String, String> config) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(new ObjectMapper().writeValueAsString(config))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }

    private static KafkaConsumer<byte[], byte[]> consumer(String bootstrap) {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        return new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private static KafkaProducer<String, String> producer(String bootstrap) {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        return new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
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
}
