package io.rtdp.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
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
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.rtdp.connectors.generator.GeneratorSourceConnector;
import io.rtdp.connectors.generator.GeneratorSourceTask;
import io.rtdp.platform.config.DataDir;
import io.rtdp.platform.run.RunState;

/**
 * The shipped pipelines against an independent computation ({@link IotPipelineModel},
 * {@link CommercePipelineModel}): event generators with a fixed seed and count, event time from the
 * test's start hour (out-of-order and late events included) feed the platform that ./rtdp up
 * started, at rates slow enough that the KSQL server and then the Connect worker are restarted
 * while they write; every row of the IoT result tables (alerts, threshold and anomaly, included) and
 * of the commerce ones (merchant revenue, customer velocity, suspicious orders) in PostgreSQL, every
 * joined payment in commerce.paid_orders, and every device's live state from a pull query (the KSQL
 * server's /query-stream and the query service's /v1/live/device_state), must then equal what this
 * test computes from the same events, regenerated here with the connector's own classes. A restart
 * that lost or repeated an event, or lost or repeated a window's final row or a join's result,
 * shows as a differing row.
 */
class PipelinesEndToEndTest {
    private static final long MINUTE = IotPipelineModel.MINUTE;
    private static final int EVENTS = 4000;
    private static final int ORDERS = 1500;
    private static final String WATERMARK_DEVICE = "e2e-watermark";
    private static final String WATERMARK_SITE = "e2e";
    private static final TopicPartition READINGS_TOPIC = new TopicPartition("iot.readings", 0);
    private static final TopicPartition READINGS_VALID_TOPIC = new TopicPartition("iot.readings.valid", 0);
    private static final TopicPartition ORDERS_TOPIC = new TopicPartition("commerce.orders", 0);
    private static final TopicPartition ORDERS_USD_TOPIC = new TopicPartition("commerce.orders.usd", 0);
    private static final TopicPartition PAYMENTS_TOPIC = new TopicPartition("commerce.payments", 0);
    private static final TopicPartition PAID_ORDERS_TOPIC = new TopicPartition("commerce.paid_orders", 0);
    /** The id of the query writing COMMERCE_PAID_ORDERS starts so; its consumer group's id contains it. */
    private static final String JOIN_QUERY = "CSAS_COMMERCE_PAID_ORDERS_";
    /** The KSQL server's name for the window store of an aggregation (ksql-engine's TopologyFactory). */
    private static final String AGGREGATE_STORE = "Aggregate-Aggregate-Materialize";

    // Kept when the test fails: the servers' logs under logs/ tell why.
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dataDir;

    private Launcher launcher;

    @AfterEach
    void down() throws Exception {
        if (launcher != null) {
            launcher.run("down");
        }
    }

    @Test
    void resultsEqualAnIndependentComputationAcrossRestartsOfKsqlAndConnect() throws Exception {
        // Event time starts at the test's own hour: records stamped months ago would be deleted by
        // the broker's time-based retention (7 days) while the test runs, and be missing downstream;
        // a whole hour, so that the windows (up to 15 minutes) cut the events the same way on every
        // run, and what the models count (anomalies, velocity flags) is the same on every run.
        Instant origin = Instant.now().truncatedTo(ChronoUnit.HOURS);
        // About 100 s of readings, slow enough that both restarts happen while they are written.
        Map<String, String> generator = generator("iot.readings", "iot-readings", "7", 20, 40, EVENTS, 150, 0.02, origin);
        List<Struct> readings = regenerate(generator);
        // 80 customers: about 19 orders each per 15 minutes, so that some reach the velocity flag (14 in 10 minutes).
        Map<String, String> ordersGenerator = generator("commerce.orders", "commerce-orders", "42", 80, 30, ORDERS, 600, 0.01, origin);
        List<Struct> orders = regenerate(ordersGenerator);
        // Payment N pays order N (same seed and keys). Their clock starts 500 s before the orders'
        // and ticks 1.1 s per payment against 0.6 s per order: payment N's delay after its order
        // (the generator's 1 s to 2 min, plus N * 0.5 s - 500 s) runs from before the join's window
        // (30 s before the order) to beyond it (5 minutes after) among the orders the join still holds.
        Map<String, String> paymentsGenerator = generator("commerce.payments", "commerce-payments", "42", 80, 30, ORDERS, 1100,
                0.01, origin.minusSeconds(500));
        List<Struct> payments = regenerate(paymentsGenerator);

        // What the models compute without a restart shows that the events hold what the test checks.
        IotPipelineModel model = new IotPipelineModel(readings, Map.of());
        assertThat(model.deviceStats1m()).hasSizeGreaterThan(150);
        assertThat(model.anomalyAlerts()).as("z-score anomalies among the readings").isNotEmpty();
        CommercePipelineModel.PaidOrders paid = CommercePipelineModel.paidOrders(orders, payments);
        assertThat(paid.outsideWindow()).as("payments outside the join's window").isPositive();
        assertThat(paid.orderGone()).as("payments whose order the join no longer holds").isPositive();
        assertThat(paid.suspicious().keySet()).as("suspicious orders, large and country mismatch")
                .anyMatch(k -> k.contains("@true@")).anyMatch(k -> k.endsWith("@true"));
        assertThat(CommercePipelineModel.customerVelocity(orders, QueryResume.NOT_RESTARTED)).as("customers flagged for velocity")
                .isNotEmpty();

        launcher = Launcher.onFreePorts(dataDir, "pipelines.generators=false");
        Launcher.Result up = launcher.run("up", "-d");
        assertThat(up.exitCode()).as(up.output()).isZero();
        String psqlUrl = column(up.output(), "postgres");
        String bootstrap = column(up.output(), "kafka");
        String connect = column(up.output(), "connect");

        put(connect + "/connectors/e2e-iot-readings/config", generator);
        put(connect + "/connectors/e2e-commerce-orders/config", ordersGenerator);
        long lastEventTime = readings.stream().mapToLong(r -> ((Date) r.get("event_time")).getTime()).max().orElseThrow();
        Map<String, QueryResume> resumes;
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(bootstrap); Admin admin = admin(bootstrap)) {
            // The KSQL server restarts while the orders come, not later: a restarted Kafka Streams task
            // starts its window stores' stream time anew from the records it takes in after the
            // restart, so a restart between the last order and the payments would let the join find
            // orders it had let go (whole segments of its store, up to 3¼ minutes' worth, come back).
            // The join itself is not affected by the restart otherwise: an inner join drops no record by
            // its own stream time, and a late order (2 minutes) is within what the orders' store keeps.
            awaitMidStream("ksql-server", consumer, new Progress(READINGS_TOPIC, EVENTS / 5, EVENTS),
                    new Progress(ORDERS_TOPIC, 0, ORDERS));
            resumes = restartKsqlServer(admin, consumer);
            // Payments only once the join has taken in every order: then which orders it still holds
            // for them is settled (see CommercePipelineModel.paidOrders), however the KSQL server
            // happens to interleave the two topics.
            awaitCommitted(consumer, ORDERS_TOPIC, ORDERS);
            awaitCommitted(consumer, ORDERS_USD_TOPIC, ORDERS);
            awaitTakenIn(admin, consumer, JOIN_QUERY, ORDERS_USD_TOPIC);
            put(connect + "/connectors/e2e-commerce-payments/config", paymentsGenerator);
            awaitMidStream("connect", consumer, new Progress(PAYMENTS_TOPIC, ORDERS / 10, ORDERS),
                    new Progress(READINGS_TOPIC, 0, EVENTS));
            Launcher.Result restart = launcher.run("restart", "connect");
            assertThat(restart.exitCode()).as(restart.output()).isZero();
            // The watermark must come after every generated reading: sent among them, it would make the
            // later ones late. The end offset counts each reading once only if Connect wrote exactly once.
            awaitCommitted(consumer, READINGS_TOPIC, EVENTS);
            awaitCommitted(consumer, PAYMENTS_TOPIC, ORDERS);
            awaitTakenIn(admin, consumer, JOIN_QUERY, PAYMENTS_TOPIC);
            // Each joined payment once: none lost or repeated across the restarts (exactly once).
            assertSameRows("commerce.paid_orders", paidOrders(consumer), paid.rows());
        }
        // The windowed queries across the KSQL restart, each from where it resumed (see QueryResume):
        // a late record read first after it is counted, exactly as Kafka Streams does.
        IotPipelineModel iot = new IotPipelineModel(readings, resumes);
        // In the test's output: which results the restart changed (it fell just before a late record), rarely any.
        System.out.println("Results the KSQL restart changed: " + Map.of(
                IotPipelineModel.DEVICE_STATS_1M, !sameRows(iot.deviceStats1m(), model.deviceStats1m()),
                IotPipelineModel.SITE_STATS_5M, !sameRows(iot.siteStats5m(), model.siteStats5m()),
                IotPipelineModel.DEVICE_SESSIONS, !sameRows(iot.deviceSessions(), model.deviceSessions()),
                IotPipelineModel.TEMPERATURE_ANOMALIES, !sameRows(iot.anomalyAlerts(), model.anomalyAlerts()),
                CommercePipelineModel.MERCHANT_REVENUE, !sameRows(CommercePipelineModel.merchantRevenue(orders,
                        resumes.get(CommercePipelineModel.MERCHANT_REVENUE)), CommercePipelineModel.merchantRevenue(orders,
                        QueryResume.NOT_RESTARTED)),
                CommercePipelineModel.CUSTOMER_VELOCITY, !sameRows(CommercePipelineModel.customerVelocity(orders,
                        resumes.get(CommercePipelineModel.CUSTOMER_VELOCITY)), CommercePipelineModel.customerVelocity(orders,
                        QueryResume.NOT_RESTARTED))));
        Map<String, double[]> expectedStats = iot.deviceStats1m();
        try (KafkaProducer<String, String> producer = producer(bootstrap)) {
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
                // A reading far ahead in event time closes every window of the generated ones; sent
                // again on each poll, because a final result is emitted when a later record arrives.
                producer.send(new ProducerRecord<>("iot.readings", WATERMARK_DEVICE, "{\"site\":\"" + WATERMARK_SITE
                        + "\",\"temperature\":20.0,\"humidity\":50.0,\"battery\":90.0,\"status\":\"OK\",\"event_time\":"
                        + (lastEventTime + 10 * MINUTE) + "}"));
                producer.flush();
                assertThat(rows(psqlUrl, DEVICE_STATS)).containsOnlyKeys(expectedStats.keySet());
                assertThat(rows(psqlUrl, SESSIONS)).containsOnlyKeys(iot.deviceSessions().keySet());
            });
        }
        assertSameRows("rtdp.iot_device_stats_1m", rows(psqlUrl, DEVICE_STATS), expectedStats);
        assertSameRows("rtdp.iot_device_sessions", rows(psqlUrl, SESSIONS), iot.deviceSessions());
        // EMIT CHANGES tables and streams: their last update must have reached PostgreSQL, so wait for equality.
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            assertSameRows("rtdp.iot_site_stats_5m", rows(psqlUrl, SITE_STATS), iot.siteStats5m());
            assertSameRows("rtdp.iot_alerts (threshold rules)", rows(psqlUrl, THRESHOLD_ALERTS), iot.thresholdAlerts());
            assertSameRows("rtdp.iot_alerts (z-score anomalies)", rows(psqlUrl, ANOMALY_ALERTS), iot.anomalyAlerts());
            assertSameRows("rtdp.commerce_merchant_revenue", rows(psqlUrl, MERCHANT_REVENUE),
                    CommercePipelineModel.merchantRevenue(orders, resumes.get(CommercePipelineModel.MERCHANT_REVENUE)));
            assertSameRows("rtdp.commerce_customer_velocity", rows(psqlUrl, CUSTOMER_VELOCITY),
                    CommercePipelineModel.customerVelocity(orders, resumes.get(CommercePipelineModel.CUSTOMER_VELOCITY)));
            assertSameRows("rtdp.commerce_suspicious_orders", rows(psqlUrl, SUSPICIOUS_ORDERS), paid.suspicious());
        });
        assertSameRows("IOT_DEVICE_STATE by pull query on /query-stream",
                deviceStateFromKsql(column(up.output(), "ksql-server"), iot.deviceState().keySet()), iot.deviceState());
        assertSameRows("/v1/live/device_state of the query service",
                deviceStateFromApi(column(up.output(), "query-service"), iot.deviceState().keySet()), iot.deviceState());
    }

    /** A generator's topic, how many of its events must be there before a restart, and how many it writes in all. */
    private record Progress(TopicPartition topic, int after, int total) {
    }

    /**
     * Waits until each topic holds at least its share of the events, and checks none holds all of
     * them yet, so that a restart of the server then falls in the middle of each stream.
     */
    private static void awaitMidStream(String server, KafkaConsumer<byte[], byte[]> consumer, Progress... streams) {
        for (Progress s : streams) {
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
                    .until(() -> committed(consumer, s.topic()).size() >= s.after());
        }
        for (Progress s : streams) {
            assertThat(committed(consumer, s.topic()).size()).as("events in %s before restarting %s", s.topic(), server)
                    .isLessThan(s.total());
        }
    }

    /**
     * Restarts the KSQL server in two steps: stops it (SIGTERM, as ./rtdp restart does), reads
     * where each windowed query will resume while nothing commits, then starts it with ./rtdp
     * restart (which starts a stopped server). With exactly_once_v2 a query resumes exactly at its
     * committed offsets, so this is what the models need (see {@link QueryResume}); read after
     * the start instead, the offsets could already have moved on.
     */
    private Map<String, QueryResume> restartKsqlServer(Admin admin, KafkaConsumer<byte[], byte[]> consumer) throws Exception {
        RunState.ServerProcess ksql = RunState.read(new DataDir(dataDir).runState()).orElseThrow()
                .process("ksql-server").filter(RunState.ServerProcess::alive).orElseThrow();
        ProcessHandle handle = ProcessHandle.of(ksql.pid()).orElseThrow();
        assertThat(handle.destroy()).as("SIGTERM to the KSQL server, pid %d", ksql.pid()).isTrue();
        handle.onExit().get(2, TimeUnit.MINUTES);
        Map<String, QueryResume> resumes = new TreeMap<>();
        for (String query : IotPipelineModel.WINDOWED_QUERIES) {
            resumes.put(query, resume(admin, consumer, query, READINGS_VALID_TOPIC));
        }
        for (String query : CommercePipelineModel.WINDOWED_QUERIES) {
            resumes.put(query, resume(admin, consumer, query, ORDERS_USD_TOPIC));
        }
        // In the test's output: whether this run restarted a query just before a late record.
        System.out.println("After the KSQL restart the windowed queries resume at (position in their input, EMIT FINAL close time): "
                + resumes);
        Launcher.Result start = launcher.run("restart", "ksql-server");
        assertThat(start.exitCode()).as(start.output()).isZero();
        return resumes;
    }

    /**
     * Where the persistent query writing this table resumes: the position in its input topic of
     * the first record its aggregation takes in, and the EMIT FINAL close time it committed. The
     * query groups by another key than its input's, so its records go through a repartition topic
     * of its own: the aggregation resumes at the first record of that topic it has not committed,
     * which is the input record read so far (the input's committed offset) less those still waiting
     * there (one partition each, in input order, written and committed exactly once).
     */
    private static QueryResume resume(Admin admin, KafkaConsumer<byte[], byte[]> consumer, String table, TopicPartition input)
            throws Exception {
        String group = groupOf(admin, "CTAS_" + table + "_");
        Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
        OffsetAndMetadata inputOffset = offsets.get(input);
        assertThat(inputOffset).as("offset of %s committed by %s: %s", input, group, offsets).isNotNull();
        List<ConsumerRecord<byte[], byte[]>> inputRecords = committed(consumer, input);
        long position = inputRecords.stream().filter(r -> r.offset() < inputOffset.offset()).count();
        long lastEmitWindowCloseTime = -1;
        for (Map.Entry<TopicPartition, OffsetAndMetadata> e : offsets.entrySet()) {
            if (!e.getKey().equals(input)) {
                assertThat(e.getKey().topic()).as("a topic %s reads besides %s", group, input).endsWith("-repartition");
                position -= committed(consumer, e.getKey()).stream().filter(r -> r.offset() >= e.getValue().offset()).count();
            }
            Long closeTime = processorMetadata(e.getValue().metadata()).get(AGGREGATE_STORE);
            if (closeTime != null) {
                lastEmitWindowCloseTime = Math.max(lastEmitWindowCloseTime, closeTime);
            }
        }
        assertThat(position).as("where %s resumes in %s", group, input).isBetween(0L, (long) inputRecords.size());
        return new QueryResume(Math.toIntExact(position), lastEmitWindowCloseTime);
    }

    /**
     * The processor metadata Kafka Streams commits with a task's offsets (its
     * TopicPartitionMetadata, read here without depending on Kafka Streams' internals): base64 of a
     * version byte, the partition time (a long) and, from version 2, a count (an int) of
     * entries, each a key (int length, UTF-8 bytes) and a long.
     */
    private static Map<String, Long> processorMetadata(String committedMetadata) {
        Map<String, Long> entries = new TreeMap<>();
        if (committedMetadata == null || committedMetadata.isEmpty()) {
            return entries;
        }
        ByteBuffer buffer = ByteBuffer.wrap(Base64.getDecoder().decode(committedMetadata));
        byte version = buffer.get();
        buffer.getLong();
        if (version >= 2 && buffer.hasRemaining()) {
            for (int n = buffer.getInt(); n > 0; n--) {
                byte[] key = new byte[buffer.getInt()];
                buffer.get(key);
                entries.put(new String(key, StandardCharsets.UTF_8), buffer.getLong());
            }
        }
        return entries;
    }

    /** The consumer group of the persistent query whose id starts so (application id: service id, query_, query id). */
    private static String groupOf(Admin admin, String queryId) throws Exception {
        return admin.listGroups().all().get().stream().map(GroupListing::groupId).filter(g -> g.contains("query_" + queryId))
                .findFirst().orElseThrow(() -> new AssertionError("no consumer group of a query " + queryId + "*"));
    }

    /** Waits until a topic holds this many committed records, then checks it holds no more: each written once. */
    private static void awaitCommitted(KafkaConsumer<byte[], byte[]> consumer, TopicPartition topic, int count) {
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).until(() -> committed(consumer, topic).size() >= count);
        assertThat(committed(consumer, topic)).as("records in %s, each once", topic).hasSize(count);
    }

    /**
     * Waits until the persistent query whose id starts so has taken in every record of the topic:
     * its consumer group committed an offset past the last one. The queries commit exactly once,
     * the offset with the state it built and the results it wrote.
     */
    private static void awaitTakenIn(Admin admin, KafkaConsumer<byte[], byte[]> consumer, String queryId, TopicPartition topic) {
        List<ConsumerRecord<byte[], byte[]>> records = committed(consumer, topic);
        long next = records.get(records.size() - 1).offset() + 1;
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).ignoreException(AssertionError.class).until(() -> {
            OffsetAndMetadata offset = admin.listConsumerGroupOffsets(groupOf(admin, queryId)).partitionsToOffsetAndMetadata().get()
                    .get(topic);
            return offset != null && offset.offset() >= next;
        });
    }

    /** The committed records of a topic, read as the pipelines read them. */
    private static List<ConsumerRecord<byte[], byte[]>> committed(KafkaConsumer<byte[], byte[]> consumer, TopicPartition topic) {
        consumer.assign(List.of(topic));
        consumer.seekToBeginning(List.of(topic));
        long end = consumer.endOffsets(List.of(topic)).get(topic);
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        while (consumer.position(topic) < end) {
            consumer.poll(Duration.ofMillis(500)).forEach(records::add);
        }
        return records;
    }

    /**
     * COMMERCE_PAID_ORDERS as its topic holds it: order@payment → ordered at, paid at, delay; a
     * pair written twice makes a row of its own, so that the comparison shows it.
     */
    private static Map<String, double[]> paidOrders(KafkaConsumer<byte[], byte[]> consumer) throws Exception {
        Map<String, double[]> rows = new TreeMap<>();
        for (ConsumerRecord<byte[], byte[]> r : committed(consumer, PAID_ORDERS_TOPIC)) {
            JsonNode value = new ObjectMapper().readTree(r.value());
            String key = new String(r.key(), StandardCharsets.UTF_8) + "@" + value.get("PAYMENT_ID").asText();
            double[] row = {value.get("ORDERED_AT").asDouble(), value.get("PAID_AT").asDouble(),
                    value.get("PAYMENT_DELAY_MS").asDouble()};
            if (rows.putIfAbsent(key, row) != null) {
                rows.put(key + " (again at offset " + r.offset() + ")", row);
            }
        }
        return rows;
    }

    private static boolean sameRows(Map<String, double[]> a, Map<String, double[]> b) {
        return a.keySet().equals(b.keySet()) && a.keySet().stream().allMatch(k -> IotPipelineModel.sameRow(a.get(k), b.get(k)));
    }

    private static void assertSameRows(String what, Map<String, double[]> actual, Map<String, double[]> expected) {
        assertThat(actual.keySet()).as("%s: keys", what).containsExactlyInAnyOrderElementsOf(expected.keySet());
        List<String> differing = new ArrayList<>();
        expected.forEach((key, values) -> {
            if (!IotPipelineModel.sameRow(actual.get(key), values)) {
                differing.add(key + ": expected " + Arrays.toString(values) + ", got " + Arrays.toString(actual.get(key)));
            }
        });
        assertThat(differing).as("%s: rows that differ from the independent computation", what).isEmpty();
    }

    private static final String DEVICE_STATS = "SELECT device_id || '@' || (extract(epoch FROM window_start) * 1000)::bigint || '@' || site, "
            + "readings, temperature_min, temperature_max, temperature_avg, temperature_stddev, humidity_avg, battery_min "
            + "FROM rtdp.iot_device_stats_1m WHERE device_id <> '" + WATERMARK_DEVICE + "' AND window_end - window_start = interval '1 minute'";
    private static final String SITE_STATS = "SELECT site || '@' || (extract(epoch FROM window_start) * 1000)::bigint, "
            + "readings, devices, temperature_min, temperature_max, temperature_avg, humidity_avg, alarms "
            + "FROM rtdp.iot_site_stats_5m WHERE site <> '" + WATERMARK_SITE + "' AND window_end - window_start = interval '5 minutes'";
    private static final String SESSIONS = "SELECT device_id || '@' || (extract(epoch FROM session_start) * 1000)::bigint || '@' || site, "
            + "(extract(epoch FROM session_end) * 1000)::bigint, readings "
            + "FROM rtdp.iot_device_sessions WHERE device_id <> '" + WATERMARK_DEVICE + "'";
    private static final String THRESHOLD_ALERTS = "SELECT device_id || '@' || (extract(epoch FROM alert_time) * 1000)::bigint || '@' || kind "
            + "|| '@' || site, temperature, battery FROM rtdp.iot_alerts WHERE kind <> 'TEMPERATURE_ANOMALY'";
    private static final String ANOMALY_ALERTS = "SELECT device_id || '@' || (extract(epoch FROM alert_time) * 1000)::bigint || '@' || kind "
            + "|| '@' || site, temperature, battery, zscore FROM rtdp.iot_alerts WHERE kind = 'TEMPERATURE_ANOMALY'";

    private static final String MERCHANT_REVENUE = "SELECT merchant_id || '@' || (extract(epoch FROM window_start) * 1000)::bigint, "
            + "orders, customers, revenue_usd, avg_order_usd, max_order_usd FROM rtdp.commerce_merchant_revenue "
            + "WHERE window_end - window_start = interval '15 minutes'";
    private static final String CUSTOMER_VELOCITY = "SELECT customer_id || '@' || (extract(epoch FROM window_start) * 1000)::bigint, "
            + "orders, amount_usd, merchants FROM rtdp.commerce_customer_velocity WHERE window_end - window_start = interval '10 minutes'";
    private static final String SUSPICIOUS_ORDERS = "SELECT concat_ws('@', order_id, payment_id, customer_id, merchant_id, order_currency, "
            + "payment_currency, country, payment_status, large_amount::text, country_mismatch::text), amount, amount_usd, "
            + "(extract(epoch FROM ordered_at) * 1000)::bigint, (extract(epoch FROM paid_at) * 1000)::bigint "
            + "FROM rtdp.commerce_suspicious_orders";

    /**
     * A generator with a fixed seed, count and event-time origin, its out-of-order and late events
     * as the shipped configurations have them (connectors/config/), plain JSON as the pipelines read.
     */
    private static Map<String, String> generator(String topic, String domain, String seed, int keys, int rate, int count,
                                                 int stepMs, double lateRatio, Instant origin) {
        Map<String, String> generator = new LinkedHashMap<>();
        generator.put("connector.class", GeneratorSourceConnector.class.getName());
        generator.put("tasks.max", "1");
        generator.put("topic", topic);
        generator.put("domain", domain);
        generator.put("seed", seed);
        generator.put("keys", Integer.toString(keys));
        generator.put("rate.per.second", Integer.toString(rate));
        generator.put("count", Integer.toString(count));
        generator.put("event.time.start", origin.toString());
        generator.put("event.time.step.ms", Integer.toString(stepMs));
        generator.put("event.time.out.of.order.ratio", "0.05");
        generator.put("event.time.out.of.order.max.ms", "5000");
        generator.put("event.time.late.ratio", Double.toString(lateRatio));
        generator.put("event.time.late.delay.ms", "120000");
        generator.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
        generator.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
        generator.put("value.converter.schemas.enable", "false");
        return generator;
    }

    /** The rows of a query whose first column is the key and the others numbers. */
    private static Map<String, double[]> rows(String psqlUrl, String sql) throws Exception {
        Map<String, double[]> rows = new TreeMap<>();
        try (Connection c = connect(psqlUrl); ResultSet r = c.createStatement().executeQuery(sql)) {
            int columns = r.getMetaData().getColumnCount();
            while (r.next()) {
                double[] values = new double[columns - 1];
                for (int i = 2; i <= columns; i++) {
                    values[i - 2] = r.getDouble(i);
                }
                rows.put(r.getString(1), values);
            }
        }
        return rows;
    }

    /** Each device's row of IOT_DEVICE_STATE by a pull query on the KSQL server's /query-stream. */
    private static Map<String, double[]> deviceStateFromKsql(String ksql, Set<String> expectedKeys) throws Exception {
        Map<String, double[]> rows = new TreeMap<>();
        for (String device : devices(expectedKeys)) {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(ksql + "/query-stream"))
                    .header("Content-Type", "application/json").header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"sql\":\"SELECT * FROM IOT_DEVICE_STATE WHERE DEVICE_ID = '"
                            + device + "';\",\"properties\":{}}")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode answer = new ObjectMapper().readTree(response.body());
            assertThat(answer.size()).as("one row for %s: %s", device, answer).isEqualTo(2);
            Map<String, JsonNode> row = new LinkedHashMap<>();
            for (int i = 0; i < answer.get(0).get("columnNames").size(); i++) {
                row.put(answer.get(0).get("columnNames").get(i).asText(), answer.get(1).get(i));
            }
            rows.put(deviceStateKey(row), deviceStateValues(row));
        }
        return rows;
    }

    /** Each device's live state as the query service serves it from a pull query. */
    private static Map<String, double[]> deviceStateFromApi(String api, Set<String> expectedKeys) throws Exception {
        Map<String, double[]> rows = new TreeMap<>();
        for (String device : devices(expectedKeys)) {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(api + "/v1/live/device_state/" + device)).header("X-API-Key", "rtdp-dev-api-key-change-me").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            Map<String, JsonNode> row = new LinkedHashMap<>();
            new ObjectMapper().readTree(response.body()).fields().forEachRemaining(e -> row.put(e.getKey(), e.getValue()));
            rows.put(deviceStateKey(row), deviceStateValues(row));
        }
        return rows;
    }

    private static List<String> devices(Set<String> deviceStateKeys) {
        return deviceStateKeys.stream().map(k -> k.substring(0, k.indexOf('@'))).toList();
    }

    private static String deviceStateKey(Map<String, JsonNode> row) {
        return row.get("DEVICE_ID").asText() + "@" + row.get("SITE").asText() + "@" + row.get("STATUS").asText();
    }

    private static double[] deviceStateValues(Map<String, JsonNode> row) {
        return new double[] {row.get("TEMPERATURE").asDouble(), row.get("HUMIDITY").asDouble(), row.get("BATTERY").asDouble(),
                row.get("LAST_SEEN").asDouble(), row.get("READINGS").asDouble()};
    }

    /**
     * The events the connector writes with this configuration, in order, from its own task class;
     * unpaced, since the events depend on the seed, count and event-time origin and step, not on the rate.
     */
    private static List<Struct> regenerate(Map<String, String> config) throws InterruptedException {
        Map<String, String> unpaced = new LinkedHashMap<>(config);
        unpaced.put("rate.per.second", "0");
        GeneratorSourceConnector connector = new GeneratorSourceConnector();
        connector.start(unpaced);
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
        p.put("isolation.level", "read_committed");
        return new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private static Admin admin(String bootstrap) {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        return Admin.create(p);
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
