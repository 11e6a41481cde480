package io.rtdp.avro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
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
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.rtdp.avro.client.SchemaRegistryClient;
import io.rtdp.avro.client.SchemaText;
import io.rtdp.avro.serde.AvroSerdeConfig;
import io.rtdp.avro.serde.KafkaAvroDeserializer;
import io.rtdp.avro.serde.KafkaAvroSerializer;
import io.rtdp.avro.serde.RecordNameStrategy;
import io.rtdp.avro.serde.TopicRecordNameStrategy;
import io.rtdp.schemaregistry.Registries;
import io.rtdp.schemaregistry.SchemaRegistryServer;
import io.rtdp.schemas.commerce.Order;
import io.rtdp.testkit.KafkaBrokerExtension;

/** The serializer and deserializer against a real registry: subjects, ids, wire format, errors. */
class SerdeRoundTripTest {
    @RegisterExtension
    static final KafkaBrokerExtension kafka = new KafkaBrokerExtension();

    static final Schema READING = new Schema.Parser().parse("""
            {"type":"record","name":"Reading","namespace":"io.rtdp.test","fields":[
              {"name":"device","type":"string"},
              {"name":"celsius","type":"double"},
              {"name":"note","type":["null","string"],"default":null}]}""");
    static final Schema READING_V2 = new Schema.Parser().parse("""
            {"type":"record","name":"Reading","namespace":"io.rtdp.test","fields":[
              {"name":"device","type":"string"},
              {"name":"celsius","type":"double"},
              {"name":"note","type":["null","string"],"default":null},
              {"name":"unit","type":"string","default":"C"}]}""");

    private static SchemaRegistryServer registry;
    private static SchemaRegistryClient client;

    @BeforeAll
    static void startRegistry() {
        registry = Registries.start(kafka.bootstrapServers());
        client = new SchemaRegistryClient(registry.url(), Duration.ZERO);
    }

    @AfterAll
    static void stopRegistry() {
        if (registry != null) {
            registry.close();
        }
    }

    private static Map<String, Object> config(Object... pairs) {
        Map<String, Object> config = new HashMap<>();
        config.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registry.url());
        for (int i = 0; i < pairs.length; i += 2) {
            config.put((String) pairs[i], pairs[i + 1]);
        }
        return config;
    }

    private static KafkaAvroSerializer serializer(boolean isKey, Object... pairs) {
        KafkaAvroSerializer s = new KafkaAvroSerializer();
        s.configure(config(pairs), isKey);
        return s;
    }

    private static KafkaAvroDeserializer deserializer(Object... pairs) {
        KafkaAvroDeserializer d = new KafkaAvroDeserializer();
        d.configure(config(pairs), false);
        return d;
    }

    private static GenericRecord reading(String device, double celsius) {
        GenericData.Record r = new GenericData.Record(READING);
        r.put("device", device);
        r.put("celsius", celsius);
        return r;
    }

    private static int idIn(byte[] bytes) {
        assertThat(bytes[0]).as("magic byte").isEqualTo((byte) 0);
        return ByteBuffer.wrap(bytes, 1, 4).getInt();
    }

    @Test
    void schemasRegisteredAsTextComeBackWithTheirTypeByIdAndAsLatest() {
        int id = client.register("text-value", "AVRO", READING.toString());

        SchemaText byId = client.textById(id);
        assertThat(byId.schemaType()).isEqualTo("AVRO");
        assertThat(new Schema.Parser().parse(byId.schema())).isEqualTo(READING);
        assertThat(client.latestText("text-value").id()).isEqualTo(id);
        assertThat(client.register("text-value", READING)).as("the same schema as a parsed one").isEqualTo(id);
    }

    @Test
    void topicNameStrategyRegistersUnderTopicValueAndRoundTrips() {
        byte[] bytes = serializer(false).serialize("readings", reading("d1", 21.5));
        assertThat(client.latest("readings-value").id()).isEqualTo(idIn(bytes));
        GenericRecord back = (GenericRecord) deserializer().deserialize("readings", bytes);
        assertThat(back.get("device").toString()).isEqualTo("d1");
        assertThat(back.get("celsius")).isEqualTo(21.5);
        assertThat(back.get("note")).isNull();
    }

    @Test
    void keysUseTheKeySubjectAndPrimitivesWork() {
        byte[] bytes = serializer(true).serialize("keyed", "device-7");
        assertThat(client.latest("keyed-key").id()).isEqualTo(idIn(bytes));
        assertThat(deserializer().deserialize("keyed", bytes)).isEqualTo("device-7");
    }

    @Test
    void recordNameStrategyRegistersUnderTheRecordFullName() {
        byte[] bytes = serializer(false, AvroSerdeConfig.VALUE_SUBJECT_NAME_STRATEGY, RecordNameStrategy.class.getName())
                .serialize("any-topic", reading("d2", 3.0));
        assertThat(client.latest("io.rtdp.test.Reading").id()).isEqualTo(idIn(bytes));
        assertThat(((GenericRecord) deserializer().deserialize("any-topic", bytes)).get("celsius")).isEqualTo(3.0);
    }

    @Test
    void topicRecordNameStrategyRegistersUnderTopicAndRecordName() {
        byte[] bytes = serializer(false, AvroSerdeConfig.VALUE_SUBJECT_NAME_STRATEGY,
                "io.confluent.kafka.serializers.subject.TopicRecordNameStrategy") // Confluent's name is accepted
                .serialize("mixed", reading("d3", 4.0));
        assertThat(client.latest("mixed-io.rtdp.test.Reading").id()).isEqualTo(idIn(bytes));
        byte[] again = serializer(false, AvroSerdeConfig.VALUE_SUBJECT_NAME_STRATEGY, TopicRecordNameStrategy.class)
                .serialize("mixed", reading("d4", 5.0));
        assertThat(idIn(again)).isEqualTo(idIn(bytes));
    }

    @Test
    void specificRecordsRoundTripAsGeneratedClasses() {
        Order order = Order.newBuilder().setOrderId("o-1").setCustomerId("c-1").setMerchantId("m-1")
                .setAmount(new BigDecimal("1999.90")).setCurrency("EUR").setCountry("DE")
                .setEventTime(Instant.now().truncatedTo(ChronoUnit.MILLIS)).build();
        byte[] bytes = serializer(false).serialize("orders", order);
        Object specific = deserializer(AvroSerdeConfig.SPECIFIC_AVRO_READER, "true").deserialize("orders", bytes);
        assertThat(specific).isEqualTo(order);
        Object generic = deserializer().deserialize("orders", bytes);
        assertThat(generic).isInstanceOf(GenericRecord.class).isNotInstanceOf(Order.class);
        assertThat(((GenericRecord) generic).get("order_id").toString()).isEqualTo("o-1");
    }

    @Test
    void withoutAutoRegisterAnUnregisteredSchemaFailsAndARegisteredOneWorks() {
        KafkaAvroSerializer strict = serializer(false, AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, false);
        assertThatThrownBy(() -> strict.serialize("strict", reading("d5", 1.0)))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("strict-value")
                .hasMessageContaining("auto.register.schemas=false");
        int id = client.register("strict-value", READING);
        assertThat(idIn(strict.serialize("strict", reading("d5", 1.0)))).isEqualTo(id);
    }

    @Test
    void useLatestVersionWritesWithTheLatestRegisteredSchema() {
        client.register("latest-value", READING);
        int v2 = client.register("latest-value", READING_V2);
        byte[] bytes = serializer(false, AvroSerdeConfig.USE_LATEST_VERSION, true, AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, false)
                .serialize("latest", reading("d6", 7.5));
        assertThat(idIn(bytes)).isEqualTo(v2);
        GenericRecord back = (GenericRecord) deserializer().deserialize("latest", bytes);
        assertThat(back.get("unit").toString()).isEqualTo("C");
        assertThat(back.get("celsius")).isEqualTo(7.5);
    }

    @Test
    void anUnknownSchemaIdIsAClearError() {
        byte[] bytes = serializer(false).serialize("unknown", reading("d7", 1.0));
        bytes[1] = 0x7f; // an id far above any the registry gave
        assertThatThrownBy(() -> deserializer().deserialize("unknown", bytes))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("topic unknown")
                .hasMessageContaining("schema id " + ByteBuffer.wrap(bytes, 1, 4).getInt())
                .hasMessageContaining("no schema with that id");
    }

    @Test
    void aBadMagicByteIsAClearError() {
        byte[] json = "{\"device\":\"d8\"}".getBytes();
        assertThatThrownBy(() -> deserializer().deserialize("plain", json))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("Unknown magic byte 0x7B")
                .hasMessageContaining("topic plain");
        assertThatThrownBy(() -> deserializer().deserialize("plain", new byte[] {0, 1}))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("shorter than the 5-byte header");
    }

    @Test
    void producerAndConsumerConfiguredByClassNameThroughTheBroker() {
        String topic = "through-broker";
        kafka.createTopic(topic, 1);
        Map<String, Object> producerConfig = config(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, KafkaAvroSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, KafkaAvroSerializer.class.getName());
        try (KafkaProducer<Object, Object> producer = new KafkaProducer<>(producerConfig)) {
            producer.send(new ProducerRecord<>(topic, "d9", reading("d9", 30.0)));
        }
        Map<String, Object> consumerConfig = config(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "serde-test",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, KafkaAvroDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, KafkaAvroDeserializer.class.getName());
        try (KafkaConsumer<Object, Object> consumer = new KafkaConsumer<>(consumerConfig)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.currentTimeMillis() + 30_000;
            ConsumerRecord<Object, Object> got = null;
            while (got == null && System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<Object, Object> r : consumer.poll(Duration.ofMillis(200))) {
                    got = r;
                }
            }
            assertThat(got).isNotNull();
            assertThat(got.key()).isEqualTo("d9");
            assertThat(((GenericRecord) got.value()).get("celsius")).isEqualTo(30.0);
        }
    }
}
