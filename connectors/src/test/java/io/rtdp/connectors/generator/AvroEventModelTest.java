package io.rtdp.connectors.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.rtdp.connectors.common.SettingException;

class AvroEventModelTest {
    private static final String SCHEMA = """
            {"type": "record", "name": "Shipment", "namespace": "acme",
             "fields": [
               {"name": "id", "type": "string", "gen": {"sequence": {"start": 100, "step": 2, "prefix": "ship-"}}},
               {"name": "weight", "type": "double", "gen": {"range": {"min": 0.5, "max": 30}}},
               {"name": "parcels", "type": "int", "gen": {"range": {"min": 1, "max": 4}}},
               {"name": "carrier", "type": "string", "gen": {"choices": ["ups", "dhl"]}},
               {"name": "priority", "type": {"type": "enum", "name": "Priority", "symbols": ["LOW", "HIGH", "URGENT"]}},
               {"name": "note", "type": ["null", "string"], "gen": {"null.ratio": 0.3, "length": {"min": 3, "max": 3}}},
               {"name": "price", "type": {"type": "bytes", "logicalType": "decimal", "precision": 8, "scale": 2}},
               {"name": "route", "type": {"type": "array", "items": "string"}, "gen": {"length": {"min": 2, "max": 2}, "items": {"choices": ["A", "B"]}}},
               {"name": "dims", "type": {"type": "map", "values": "long"}, "gen": {"length": {"min": 1, "max": 1}}},
               {"name": "to", "type": {"type": "record", "name": "Address", "fields": [
                   {"name": "country", "type": "string", "gen": {"choices": ["DE"]}}]}},
               {"name": "shipped_at", "type": {"type": "long", "logicalType": "timestamp-millis"}}
             ]}""";

    @Test
    void connectSchemaFollowsTheAvroSchema() {
        AvroEventModel model = new AvroEventModel(SCHEMA, "id", "shipped_at");
        Schema value = model.valueSchema();
        assertThat(value.name()).isEqualTo("acme.Shipment");
        assertThat(value.field("weight").schema().type()).isEqualTo(Schema.Type.FLOAT64);
        assertThat(value.field("parcels").schema().type()).isEqualTo(Schema.Type.INT32);
        assertThat(value.field("priority").schema().type()).isEqualTo(Schema.Type.STRING);
        assertThat(value.field("note").schema().isOptional()).isTrue();
        assertThat(value.field("price").schema().name()).isEqualTo(Decimal.LOGICAL_NAME);
        assertThat(value.field("route").schema().valueSchema().type()).isEqualTo(Schema.Type.STRING);
        assertThat(value.field("dims").schema().valueSchema().type()).isEqualTo(Schema.Type.INT64);
        assertThat(value.field("to").schema().field("country")).isNotNull();
        assertThat(value.field("shipped_at").schema().name()).isEqualTo(Timestamp.LOGICAL_NAME);
        assertThat(model.keySchema().type()).isEqualTo(Schema.Type.STRING);
    }

    @Test
    void generatedValuesFollowTheHints() {
        AvroEventModel model = new AvroEventModel(SCHEMA, "id", "shipped_at");
        KeySlice keys = new KeySlice(0, 1, 1);
        int nulls = 0;
        int n = 4_000;
        for (long seq = 0; seq < n; seq++) {
            GeneratedEvent event = model.event(seq, 5_000L + seq, Seeds.forEvent(1, seq), keys);
            Struct v = event.value();
            v.validate();
            assertThat(v.getString("id")).isEqualTo("ship-" + (100 + 2 * seq));
            assertThat(event.key()).isEqualTo(v.getString("id"));
            assertThat(v.getFloat64("weight")).isBetween(0.5, 30.0);
            assertThat(v.getInt32("parcels")).isBetween(1, 4);
            assertThat(v.getString("carrier")).isIn("ups", "dhl");
            assertThat(v.getString("priority")).isIn("LOW", "HIGH", "URGENT");
            if (v.getString("note") == null) {
                nulls++;
            } else {
                assertThat(v.getString("note")).hasSize(3);
            }
            assertThat(((BigDecimal) v.get("price")).scale()).isEqualTo(2);
            assertThat(v.getArray("route")).hasSize(2).allMatch(s -> s.equals("A") || s.equals("B"));
            assertThat(v.getMap("dims")).hasSize(1);
            assertThat(v.getStruct("to").getString("country")).isEqualTo("DE");
            assertThat(v.get("shipped_at")).isEqualTo(new Date(5_000L + seq));
        }
        assertThat(nulls / (double) n).isCloseTo(0.3, within(0.03));
    }

    @Test
    void problemsNameTheFieldAndTheKeyToChange() {
        assertThatThrownBy(() -> new AvroEventModel(SCHEMA.replace("\"range\": {\"min\": 1, \"max\": 4}", "\"rnage\": {}"), "", ""))
                .hasMessageContaining("field 'parcels': unknown generation hint \"rnage\"");
        assertThatThrownBy(() -> new AvroEventModel(SCHEMA.replace("\"range\": {\"min\": 0.5, \"max\": 30}", "\"sequence\": {}"), "", ""))
                .hasMessageContaining("field 'weight': sequence applies to int, long and string fields");
        assertThatThrownBy(() -> new AvroEventModel(SCHEMA.replace("\"gen\": {\"choices\": [\"DE\"]}", "\"gen\": {\"null.ratio\": 0.5}"), "", ""))
                .hasMessageContaining("field 'to.country': hint \"null.ratio\" does not apply to string fields");
        assertThatThrownBy(() -> new AvroEventModel("{\"type\": \"record\", \"name\": \"R\", \"fields\": [", "", ""))
                .hasMessageStartingWith("not a valid Avro schema");
        assertThatThrownBy(() -> new AvroEventModel(SCHEMA, "tracking", ""))
                .isInstanceOfSatisfying(SettingException.class, e -> assertThat(e.key()).isEqualTo("avro.key.field"))
                .hasMessageContaining("not a top-level field of acme.Shipment");
        assertThatThrownBy(() -> new AvroEventModel(SCHEMA, "", "carrier"))
                .isInstanceOfSatisfying(SettingException.class, e -> assertThat(e.key()).isEqualTo("avro.event.time.field"));
    }

    @Test
    void validationReportsEachProblemOnItsKey() {
        GeneratorSourceConnector connector = new GeneratorSourceConnector();
        Map<String, List<String>> noSchema = errors(connector, Map.of("topic", "t", "domain", "avro"));
        assertThat(noSchema.get("avro.schema")).singleElement().asString().contains("exactly one of avro.schema");

        Map<String, List<String>> missingFile = errors(connector, Map.of("topic", "t", "domain", "avro", "avro.schema.file", "/nonexistent/x.avsc"));
        assertThat(missingFile.get("avro.schema.file")).singleElement().asString().contains("cannot read the schema file");

        Map<String, List<String>> perKey = errors(connector, Map.of("topic", "", "domain", "weather", "rate.per.second", "-1",
                "event.time.start", "yesterday", "event.time.late.ratio", "1.5"));
        assertThat(perKey.get("topic")).isNotEmpty();
        assertThat(perKey.get("domain")).singleElement().asString().contains("iot-readings");
        assertThat(perKey.get("rate.per.second")).singleElement().asString().contains("at least 0");
        assertThat(perKey.get("event.time.start")).singleElement().asString().contains("2026-01-01T00:00:00Z");
        assertThat(perKey.get("event.time.late.ratio")).singleElement().asString().contains("no more than 1");

        assertThat(errors(connector, Map.of("topic", "t")).values()).allMatch(List::isEmpty);
    }

    @Test
    void aSchemaFileIsReadOnTheWorkerAndCheckedLikeAnInlineSchema(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("shipment.avsc"), SCHEMA);
        GeneratorSourceConnector connector = new GeneratorSourceConnector();
        assertThat(errors(connector, Map.of("topic", "t", "domain", "avro", "avro.schema.file", file.toString(),
                "avro.key.field", "id")).values()).allMatch(List::isEmpty);

        Files.writeString(file, SCHEMA.replace("\"min\": 1, \"max\": 4", "\"min\": 4, \"max\": 1"));
        assertThat(errors(connector, Map.of("topic", "t", "domain", "avro", "avro.schema.file", file.toString())).get("avro.schema.file"))
                .singleElement().asString().contains("field 'parcels': range needs min <= max");
    }

    private static Map<String, List<String>> errors(GeneratorSourceConnector connector, Map<String, String> config) {
        Map<String, List<String>> errors = new java.util.HashMap<>();
        connector.validate(config).configValues().forEach(v -> errors.put(v.name(), v.errorMessages()));
        return errors;
    }
}
