package io.rtdp.avro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema.Field;
import org.apache.avro.Schema.Type;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.rtdp.avro.client.SchemaRegistryClient;
import io.rtdp.avro.connect.AvroConverter;
import io.rtdp.avro.serde.AvroSerdeConfig;
import io.rtdp.avro.serde.KafkaAvroSerializer;
import io.rtdp.schemaregistry.Registries;
import io.rtdp.schemaregistry.SchemaRegistryServer;
import io.rtdp.schemas.commerce.Order;
import io.rtdp.testkit.KafkaBrokerExtension;

/** Connect data ⇄ Avro through the converter and a real registry: every type, optional fields, defaults. */
class AvroConverterTest {
    @RegisterExtension
    static final KafkaBrokerExtension kafka = new KafkaBrokerExtension();

    private static SchemaRegistryServer registry;
    private static AvroConverter converter;

    static final Schema ADDRESS = SchemaBuilder.struct().name("io.rtdp.test.Address")
            .field("city", Schema.STRING_SCHEMA).build();
    static final Schema EVERYTHING = SchemaBuilder.struct().name("io.rtdp.test.Everything").doc("all the types")
            .field("tiny", Schema.INT8_SCHEMA)
            .field("small", Schema.INT16_SCHEMA)
            .field("count", Schema.INT32_SCHEMA)
            .field("big", Schema.INT64_SCHEMA)
            .field("ratio", Schema.FLOAT32_SCHEMA)
            .field("celsius", Schema.FLOAT64_SCHEMA)
            .field("active", Schema.BOOLEAN_SCHEMA)
            .field("name", Schema.STRING_SCHEMA)
            .field("blob", Schema.BYTES_SCHEMA)
            .field("amount", Decimal.builder(2).parameter("connect.decimal.precision", "12").build())
            .field("day", org.apache.kafka.connect.data.Date.SCHEMA)
            .field("at_time", Time.SCHEMA)
            .field("at", Timestamp.SCHEMA)
            .field("note", Schema.OPTIONAL_STRING_SCHEMA)
            .field("status", SchemaBuilder.string().optional().defaultValue("NEW").build())
            .field("retries", SchemaBuilder.int32().defaultValue(3).build())
            .field("tags", SchemaBuilder.array(Schema.STRING_SCHEMA).build())
            .field("attributes", SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.INT64_SCHEMA).build())
            .field("home", ADDRESS)
            .build();

    @BeforeAll
    static void startRegistry() {
        registry = Registries.start(kafka.bootstrapServers());
        converter = new AvroConverter();
        converter.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registry.url()), false);
    }

    @AfterAll
    static void stopRegistry() {
        if (registry != null) {
            registry.close();
        }
    }

    private static Struct everything() {
        long now = Instant.now().truncatedTo(ChronoUnit.MILLIS).toEpochMilli();
        long day = now - Math.floorMod(now, 86_400_000L);
        return new Struct(EVERYTHING)
                .put("tiny", (byte) 7).put("small", (short) 300).put("count", 42).put("big", 1L << 40)
                .put("ratio", 0.5f).put("celsius", 21.25).put("active", true).put("name", "sensor")
                .put("blob", new byte[] {1, 2, 3}).put("amount", new BigDecimal("1234.56"))
                .put("day", new Date(day)).put("at_time", new Date(Math.floorMod(now, 86_400_000L))).put("at", new Date(now))
                .put("note", null).put("status", "SHIPPED").put("retries", 5)
                .put("tags", List.of("a", "b")).put("attributes", Map.of("k", 9L))
                .put("home", new Struct(ADDRESS).put("city", "Lyon"));
    }

    @Test
    void everyConnectTypeRoundTripsThroughTheRegistry() {
        Struct original = everything();
        byte[] bytes = converter.fromConnectData("everything", EVERYTHING, original);
        SchemaAndValue back = converter.toConnectData("everything", bytes);

        Struct struct = (Struct) back.value();
        for (org.apache.kafka.connect.data.Field f : EVERYTHING.fields()) {
            Object expected = original.get(f);
            Object actual = struct.get(f.name());
            if (expected instanceof byte[] b) {
                assertThat((byte[]) actual).as(f.name()).isEqualTo(b);
            } else if (expected instanceof Struct s) {
                assertThat(((Struct) actual).getString("city")).isEqualTo(s.getString("city"));
            } else {
                assertThat(actual).as(f.name()).isEqualTo(expected);
            }
        }
        Schema schema = back.schema();
        assertThat(schema.field("tiny").schema().type()).isEqualTo(Schema.Type.INT8);
        assertThat(schema.field("small").schema().type()).isEqualTo(Schema.Type.INT16);
        assertThat(schema.field("amount").schema().name()).isEqualTo(Decimal.LOGICAL_NAME);
        assertThat(schema.field("amount").schema().parameters()).containsEntry("scale", "2").containsEntry("connect.decimal.precision", "12");
        assertThat(schema.field("day").schema().name()).isEqualTo(org.apache.kafka.connect.data.Date.LOGICAL_NAME);
        assertThat(schema.field("at_time").schema().name()).isEqualTo(Time.LOGICAL_NAME);
        assertThat(schema.field("at").schema().name()).isEqualTo(Timestamp.LOGICAL_NAME);
        assertThat(schema.field("note").schema().isOptional()).isTrue();
        assertThat(schema.field("name").schema().isOptional()).isFalse();
        assertThat(schema.field("status").schema().defaultValue()).isEqualTo("NEW");
        assertThat(schema.field("retries").schema().defaultValue()).isEqualTo(3);
    }

    @Test
    void theRegisteredAvroSchemaUsesLogicalTypesUnionsAndDefaults() {
        byte[] bytes = converter.fromConnectData("registered", EVERYTHING, everything());
        int id = java.nio.ByteBuffer.wrap(bytes, 1, 4).getInt();
        org.apache.avro.Schema avro = new SchemaRegistryClient(registry.url(), Duration.ZERO).schemaById(id);
        assertThat(avro.getFullName()).isEqualTo("io.rtdp.test.Everything");
        assertThat(avro.getField("amount").schema().getLogicalType()).isEqualTo(LogicalTypes.decimal(12, 2));
        assertThat(avro.getField("day").schema().getLogicalType()).isEqualTo(LogicalTypes.date());
        assertThat(avro.getField("at_time").schema().getLogicalType()).isEqualTo(LogicalTypes.timeMillis());
        assertThat(avro.getField("at").schema().getLogicalType()).isEqualTo(LogicalTypes.timestampMillis());
        Field note = avro.getField("note");
        assertThat(note.schema().getType()).isEqualTo(Type.UNION);
        assertThat(note.schema().getTypes().get(0).getType()).isEqualTo(Type.NULL);
        assertThat(note.defaultVal()).isEqualTo(org.apache.avro.JsonProperties.NULL_VALUE);
        Field status = avro.getField("status");
        assertThat(status.schema().getTypes().get(0).getType()).as("a non-null default comes first").isEqualTo(Type.STRING);
        assertThat(status.defaultVal()).isEqualTo("NEW");
        assertThat(avro.getField("retries").defaultVal()).isEqualTo(3);
    }

    @Test
    void readsWhatTheKafkaSerializerWroteFromGeneratedClasses() {
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Order order = Order.newBuilder().setOrderId("o-9").setCustomerId("c-9").setMerchantId("m-9")
                .setAmount(new BigDecimal("10.05")).setCurrency("EUR").setCountry("FR").setEventTime(at).build();
        KafkaAvroSerializer serializer = new KafkaAvroSerializer();
        serializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registry.url()), false);
        SchemaAndValue read = converter.toConnectData("orders", serializer.serialize("orders", order));
        Struct struct = (Struct) read.value();
        assertThat(struct.get("amount")).isEqualTo(new BigDecimal("10.05"));
        assertThat(struct.get("event_time")).isEqualTo(Date.from(at));
        assertThat(struct.getString("order_id")).isEqualTo("o-9");
        assertThat(read.schema().name()).isEqualTo("io.rtdp.schemas.commerce.Order");
    }

    @Test
    void tombstonesStayTombstones() {
        assertThat(converter.fromConnectData("t", EVERYTHING, null)).isNull();
        assertThat(converter.toConnectData("t", null)).isEqualTo(SchemaAndValue.NULL);
    }

    @Test
    void aRecordThatIsNotInTheWireFormatIsADataExceptionNamingTheCause() {
        assertThatThrownBy(() -> converter.toConnectData("plain", "{\"a\":1}".getBytes()))
                .isInstanceOf(DataException.class).hasMessageContaining("Unknown magic byte 0x7B");
        assertThatThrownBy(() -> converter.fromConnectData("schemaless", null, Map.of("a", 1)))
                .isInstanceOf(DataException.class).hasMessageContaining("needs Connect schemas");
    }
}
