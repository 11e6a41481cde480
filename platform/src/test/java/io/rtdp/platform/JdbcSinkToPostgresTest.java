package io.rtdp.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.rtdp.testkit.ConnectRestClient;
import io.rtdp.testkit.ConnectWorkerExtension;
import io.rtdp.testkit.KafkaBrokerExtension;
import io.rtdp.testkit.PostgresExtension;

/**
 * The real path from a topic to PostgreSQL: JSON records with schemas on a real broker, Debezium's
 * JDBC sink created through the Connect REST API of a real distributed worker, rows in a real
 * PostgreSQL.
 */
class JdbcSinkToPostgresTest {
    @RegisterExtension
    static final KafkaBrokerExtension kafka = new KafkaBrokerExtension();
    @RegisterExtension
    static final PostgresExtension postgres = new PostgresExtension();
    @RegisterExtension
    static final ConnectWorkerExtension connect = new ConnectWorkerExtension(kafka);

    private static final String KEY_SCHEMA = """
            {"type":"struct","optional":false,"fields":[{"field":"device","type":"string","optional":false}]}""";
    private static final String VALUE_SCHEMA = """
            {"type":"struct","optional":false,"fields":[
              {"field":"device","type":"string","optional":false},
              {"field":"site","type":"string","optional":true},
              {"field":"celsius","type":"double","optional":false}]}""";

    private static KafkaProducer<String, String> producer;

    @AfterAll
    static void closeProducer() {
        if (producer != null) {
            producer.close();
        }
    }

    @Test
    void upsertsRowsUpdatesThemAndDeletesThemOnTombstones() throws Exception {
        String topic = "readings_upsert";
        kafka.createTopic(topic, 1);
        createSink("sink-upsert", topic, Map.of());

        send(topic, "d1", reading("d1", "lab", 21.5));
        send(topic, "d2", reading("d2", "roof", 4.0));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(rows(topic)).containsExactly("d1|lab|21.5", "d2|roof|4.0"));

        send(topic, "d1", reading("d1", "lab", 23.25));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(rows(topic)).containsExactly("d1|lab|23.25", "d2|roof|4.0"));

        send(topic, "d2", null);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(rows(topic)).containsExactly("d1|lab|23.25"));
    }

    @Test
    void aMalformedRecordGoesToTheDeadLetterTopicAndTheGoodOnesKeepFlowing() throws Exception {
        String topic = "readings_dlq";
        String deadLetters = topic + "_dlq";
        kafka.createTopic(topic, 1);
        createSink("sink-dlq", topic, Map.of(
                "errors.tolerance", "all",
                "errors.log.enable", "true",
                "errors.deadletterqueue.topic.name", deadLetters,
                "errors.deadletterqueue.topic.replication.factor", "1",
                "errors.deadletterqueue.context.headers.enable", "true"));

        send(topic, "d1", reading("d1", "lab", 20.0));
        send(topic, "d2", "{this is not json");
        send(topic, "d3", reading("d3", "cellar", 12.5));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(rows(topic)).containsExactly("d1|lab|20.0", "d3|cellar|12.5"));
        List<ConsumerRecord<byte[], byte[]>> dead = consumeAll(deadLetters, 1);
        assertThat(dead).hasSize(1);
        assertThat(new String(dead.get(0).value(), StandardCharsets.UTF_8)).isEqualTo("{this is not json");
        Header cause = dead.get(0).headers().lastHeader("__connect.errors.exception.class.name");
        assertThat(cause).isNotNull();
        assertThat(new String(cause.value(), StandardCharsets.UTF_8)).contains("DataException");

        send(topic, "d4", reading("d4", "lab", 19.0));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(rows(topic)).containsExactly("d1|lab|20.0", "d3|cellar|12.5", "d4|lab|19.0"));
    }

    private static void createSink(String name, String topic, Map<String, String> extra) {
        Map<String, String> config = new HashMap<>(Map.of(
                "connector.class", "io.debezium.connector.jdbc.JdbcSinkConnector",
                "topics", topic,
                "connection.url", postgres.jdbcUrl(),
                "connection.username", postgres.user(),
                "connection.password", postgres.password(),
                "insert.mode", "upsert",
                "primary.key.mode", "record_key",
                "primary.key.fields", "device",
                "delete.enabled", "true",
                "schema.evolution", "basic"));
        config.put("collection.name.format", "${topic}");
        config.put("key.converter", "org.apache.kafka.connect.json.JsonConverter");
        config.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
        config.putAll(extra);
        ConnectRestClient.Response created = connect.rest().putConnectorConfig(name, config);
        assertThat(created.status()).as("create %s: %s", name, created.body()).isEqualTo(201);
        connect.rest().awaitRunning(name, Duration.ofSeconds(60));
    }

    private static String reading(String device, String site, double celsius) {
        return "{\"schema\":" + VALUE_SCHEMA + ",\"payload\":{\"device\":\"" + device + "\",\"site\":\"" + site
                + "\",\"celsius\":" + celsius + "}}";
    }

    private static void send(String topic, String device, String value) throws Exception {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                    new StringSerializer(), new StringSerializer());
        }
        String key = "{\"schema\":" + KEY_SCHEMA + ",\"payload\":{\"device\":\"" + device + "\"}}";
        producer.send(new ProducerRecord<>(topic, key, value)).get();
    }

    private static List<String> rows(String table) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = postgres.connection();
             ResultSet rs = c.createStatement().executeQuery(
                     "SELECT device, site, celsius FROM " + table + " ORDER BY device")) {
            while (rs.next()) {
                rows.add(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getDouble(3));
            }
        } catch (SQLException e) {
            if ("42P01".equals(e.getSQLState())) {
                return rows; // the connector has not created the table yet
            }
            throw e;
        }
        return rows;
    }

    private static List<ConsumerRecord<byte[], byte[]>> consumeAll(String topic, int atLeast) {
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + topic,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(300)).forEach(records::add);
                if (records.size() >= atLeast) {
                    // one more poll: a record that should not be there would show up now
                    consumer.poll(Duration.ofMillis(500)).forEach(records::add);
                    break;
                }
            }
        }
        return records;
    }
}
