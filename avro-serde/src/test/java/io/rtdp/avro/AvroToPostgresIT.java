package io.rtdp.avro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.rtdp.avro.serde.AvroSerdeConfig;
import io.rtdp.avro.serde.KafkaAvroSerializer;
import io.rtdp.schemaregistry.Registries;
import io.rtdp.schemaregistry.SchemaRegistryServer;
import io.rtdp.testkit.ConnectRestClient;
import io.rtdp.testkit.ConnectWorkerExtension;
import io.rtdp.testkit.KafkaBrokerExtension;
import io.rtdp.testkit.PostgresExtension;

/**
 * The whole Avro path on real parts: records written by the serializer → a real Connect worker
 * running Debezium's JDBC sink with this module's AvroConverter (loaded from the plugin directory the
 * build assembled) for keys and values → rows in a real PostgreSQL with the column types the Avro
 * logical types call for. Runs after packaging (failsafe), when the plugin directory exists.
 */
class AvroToPostgresIT {
    @RegisterExtension
    static final KafkaBrokerExtension kafka = new KafkaBrokerExtension();
    @RegisterExtension
    static final PostgresExtension postgres = new PostgresExtension();
    @RegisterExtension
    static final ConnectWorkerExtension connect = new ConnectWorkerExtension(kafka);

    static final Schema KEY = new Schema.Parser().parse("""
            {"type":"record","name":"PaymentKey","namespace":"io.rtdp.test","fields":[{"name":"payment_id","type":"string"}]}""");
    static final Schema VALUE = new Schema.Parser().parse("""
            {"type":"record","name":"Payment","namespace":"io.rtdp.test","fields":[
              {"name":"payment_id","type":"string"},
              {"name":"amount","type":{"type":"bytes","logicalType":"decimal","precision":12,"scale":2}},
              {"name":"paid_at","type":{"type":"long","logicalType":"timestamp-millis"}},
              {"name":"paid_on","type":{"type":"int","logicalType":"date"}},
              {"name":"paid_time","type":{"type":"int","logicalType":"time-millis"}},
              {"name":"attempts","type":"int"},
              {"name":"fee","type":"double"},
              {"name":"settled","type":"boolean"},
              {"name":"note","type":["null","string"],"default":null}]}""");

    private static SchemaRegistryServer registry;
    private static KafkaProducer<Object, Object> producer;

    @BeforeAll
    static void start() {
        registry = Registries.start(kafka.bootstrapServers());
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, KafkaAvroSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, KafkaAvroSerializer.class.getName(),
                AvroSerdeConfig.SCHEMA_REGISTRY_URL, registry.url()));
    }

    @AfterAll
    static void stop() {
        if (producer != null) {
            producer.close();
        }
        if (registry != null) {
            registry.close();
        }
    }

    @Test
    void avroRecordsLandAsTypedRowsAndABadRecordGoesToTheDeadLetterTopic() throws Exception {
        String topic = "payments_avro";
        String deadLetters = topic + "_dlq";
        kafka.createTopic(topic, 1);
        createSink("payments-avro-sink", topic, deadLetters);

        Instant paidAt = Instant.parse("2026-11-25T10:15:30.250Z");
        send(topic, payment("p1", "1234.56", paidAt, 1, "first"));
        try (KafkaProducer<byte[], byte[]> raw = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()), new ByteArraySerializer(), new ByteArraySerializer())) {
            raw.send(new ProducerRecord<>(topic, "p2".getBytes(StandardCharsets.UTF_8),
                    "{\"payment_id\":\"p2\"}".getBytes(StandardCharsets.UTF_8))).get();
        }
        send(topic, payment("p3", "0.05", paidAt.plusSeconds(60), 2, null));

        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(rows(topic)).containsExactly(
                "p1|1234.56|2026-11-25 10:15:30.25|2026-11-25|10:15:30|1|0.5|t|first",
                "p3|0.05|2026-11-25 10:16:30.25|2026-11-25|10:16:30|2|0.5|t|null"));

        Map<String, String> types = columnTypes(topic);
        assertThat(types).containsEntry("payment_id", "text")
                .containsEntry("amount", "numeric(12,2)")
                .containsEntry("paid_at", "timestamp(6) without time zone")
                .containsEntry("paid_on", "date")
                .containsEntry("paid_time", "time(6) without time zone")
                .containsEntry("attempts", "integer")
                .containsEntry("fee", "double precision")
                .containsEntry("settled", "boolean")
                .containsEntry("note", "text");

        List<ConsumerRecord<byte[], byte[]>> dead = consume(deadLetters);
        assertThat(dead).hasSize(1);
        assertThat(new String(dead.get(0).value(), StandardCharsets.UTF_8)).isEqualTo("{\"payment_id\":\"p2\"}");
        Header message = dead.get(0).headers().lastHeader("__connect.errors.exception.message");
        assertThat(message).isNotNull();
        assertThat(new String(message.value(), StandardCharsets.UTF_8)).contains("magic byte");

        send(topic, payment("p1", "1300.00", paidAt, 3, "updated"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(rows(topic)).first()
                .isEqualTo("p1|1300.00|2026-11-25 10:15:30.25|2026-11-25|10:15:30|3|0.5|t|updated"));
    }

    private static GenericRecord payment(String id, String amount, Instant paidAt, int attempts, String note) {
        GenericData.Record r = new GenericData.Record(VALUE);
        r.put("payment_id", id);
        r.put("amount", new BigDecimal(amount));
        r.put("paid_at", paidAt);
        r.put("paid_on", LocalDate.ofInstant(paidAt, java.time.ZoneOffset.UTC));
        r.put("paid_time", LocalTime.ofInstant(paidAt, java.time.ZoneOffset.UTC).withNano(0));
        r.put("attempts", attempts);
        r.put("fee", 0.5);
        r.put("settled", true);
        r.put("note", note);
        return r;
    }

    private static void send(String topic, GenericRecord value) throws Exception {
        GenericData.Record key = new GenericData.Record(KEY);
        key.put("payment_id", value.get("payment_id"));
        producer.send(new ProducerRecord<>(topic, key, value)).get();
    }

    private static void createSink(String name, String topic, String deadLetters) {
        Map<String, String> config = new HashMap<>();
        config.put("connector.class", "io.debezium.connector.jdbc.JdbcSinkConnector");
        config.put("topics", topic);
        config.put("connection.url", postgres.jdbcUrl());
        config.put("connection.username", postgres.user());
        config.put("connection.password", postgres.password());
        config.put("insert.mode", "upsert");
        config.put("primary.key.mode", "record_key");
        config.put("primary.key.fields", "payment_id");
        config.put("schema.evolution", "basic");
        config.put("collection.name.format", "${topic}");
        config.put("key.converter", "io.rtdp.avro.connect.AvroConverter");
        config.put("key.converter.schema.registry.url", registry.url());
        config.put("value.converter", "io.rtdp.avro.connect.AvroConverter");
        config.put("value.converter.schema.registry.url", registry.url());
        config.put("errors.tolerance", "all");
        config.put("errors.deadletterqueue.topic.name", deadLetters);
        config.put("errors.deadletterqueue.topic.replication.factor", "1");
        config.put("errors.deadletterqueue.context.headers.enable", "true");
        ConnectRestClient.Response created = connect.rest().putConnectorConfig(name, config);
        assertThat(created.status()).as("create %s: %s", name, created.body()).isEqualTo(201);
        connect.rest().awaitRunning(name, Duration.ofSeconds(60));
    }

    private static List<String> rows(String table) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = postgres.connection();
             ResultSet rs = c.createStatement().executeQuery("SELECT payment_id, amount, paid_at, paid_on, paid_time,"
                     + " attempts, fee, settled, note FROM " + table + " ORDER BY payment_id")) {
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= 9; i++) {
                    row.append(i == 1 ? "" : "|").append(rs.getString(i));
                }
                rows.add(row.toString());
            }
        } catch (SQLException e) {
            if ("42P01".equals(e.getSQLState())) {
                return rows; // the connector has not created the table yet
            }
            throw e;
        }
        return rows;
    }

    private static Map<String, String> columnTypes(String table) throws SQLException {
        Map<String, String> types = new LinkedHashMap<>();
        try (Connection c = postgres.connection();
             ResultSet rs = c.createStatement().executeQuery("SELECT a.attname, format_type(a.atttypid, a.atttypmod)"
                     + " FROM pg_attribute a WHERE a.attrelid = '" + table + "'::regclass AND a.attnum > 0 AND NOT a.attisdropped")) {
            while (rs.next()) {
                types.put(rs.getString(1), rs.getString(2));
            }
        }
        return types;
    }

    private static List<ConsumerRecord<byte[], byte[]>> consume(String topic) {
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "dlq-reader",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline && records.isEmpty()) {
                consumer.poll(Duration.ofMillis(300)).forEach(records::add);
            }
            // one more poll: a record that should not be there would show up now
            consumer.poll(Duration.ofMillis(500)).forEach(records::add);
        }
        return records;
    }
}
