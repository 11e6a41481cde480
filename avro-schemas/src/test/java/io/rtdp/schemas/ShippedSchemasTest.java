package io.rtdp.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.apache.avro.util.ClassSecurityValidator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.rtdp.schemas.commerce.Order;
import io.rtdp.schemas.iot.SensorReading;
import io.rtdp.schemas.iot.SensorStatus;

class ShippedSchemasTest {
    private static final List<String> FILES = List.of(
            "io/rtdp/schemas/iot/SensorReading.avsc",
            "io/rtdp/schemas/commerce/Order.avsc",
            "io/rtdp/schemas/commerce/Payment.avsc",
            "io/rtdp/schemas/results/SiteTemperatureWindow.avsc",
            "io/rtdp/schemas/results/MerchantRevenueWindow.avsc");

    @BeforeAll
    static void trustTheGeneratedClasses() {
        // Avro 1.12 instantiates only trusted classes by name when it reads specific records.
        ClassSecurityValidator.setGlobal(ClassSecurityValidator.composite(ClassSecurityValidator.getGlobal(),
                type -> type.getName().startsWith("io.rtdp.schemas.")));
    }

    static List<String> files() {
        return FILES;
    }

    @ParameterizedTest
    @MethodSource("files")
    void everySchemaIsInTheProjectNamespaceAndDocumentsEveryField(String file) throws IOException {
        Schema schema = parse(file);
        assertThat(schema.getNamespace()).startsWith("io.rtdp.schemas");
        assertThat(schema.getDoc()).isNotBlank();
        assertThat(schema.getFields()).allSatisfy(f -> assertThat(f.doc()).as(f.name()).isNotBlank());
    }

    @Test
    void eventTimesAreTimestampsAndMoneyIsAnExactDecimal() throws IOException {
        Schema order = parse("io/rtdp/schemas/commerce/Order.avsc");
        assertThat(order.getField("event_time").schema().getLogicalType()).isEqualTo(LogicalTypes.timestampMillis());
        assertThat(order.getField("amount").schema().getLogicalType()).isEqualTo(LogicalTypes.decimal(12, 2));
        Schema reading = parse("io/rtdp/schemas/iot/SensorReading.avsc");
        assertThat(reading.getField("event_time").schema().getLogicalType()).isEqualTo(LogicalTypes.timestampMillis());
    }

    @Test
    void generatedClassesRoundTripThroughAvroBinary() throws IOException {
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Order order = Order.newBuilder().setOrderId("o-1").setCustomerId("c-7").setMerchantId("m-3")
                .setAmount(new BigDecimal("1234.50")).setCurrency("EUR").setCountry("FR").setEventTime(at).build();
        assertThat(roundTrip(order, Order.class)).isEqualTo(order);

        SensorReading reading = SensorReading.newBuilder().setDeviceId("d-1").setSiteId("plant-2")
                .setTemperatureC(21.5).setHumidityPct(null).setBatteryPct(88.0).setEventTime(at).build();
        SensorReading back = roundTrip(reading, SensorReading.class);
        assertThat(back).isEqualTo(reading);
        assertThat(back.getStatus()).isEqualTo(SensorStatus.OK);
    }

    private static <T extends org.apache.avro.specific.SpecificRecord> T roundTrip(T record, Class<T> type) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(bytes, null);
        new SpecificDatumWriter<T>(type).write(record, encoder);
        encoder.flush();
        return new SpecificDatumReader<>(type).read(null, DecoderFactory.get().binaryDecoder(bytes.toByteArray(), null));
    }

    private static Schema parse(String file) throws IOException {
        try (InputStream in = ShippedSchemasTest.class.getClassLoader().getResourceAsStream(file)) {
            assertThat(in).as(file).isNotNull();
            return new Schema.Parser().parse(in);
        }
    }
}
