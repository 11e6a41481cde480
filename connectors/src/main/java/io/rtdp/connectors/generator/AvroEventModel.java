package io.rtdp.connectors.generator;

import java.util.Date;
import java.util.SplittableRandom;

import org.apache.avro.AvroRuntimeException;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;

import io.rtdp.connectors.common.SettingException;

/** Events of an operator's Avro record schema, generated field by field from its hints. */
final class AvroEventModel implements EventModel {
    private final Schema valueSchema;
    private final ValueGenerator generator;
    private final String keyField;
    private final String eventTimeField;
    private final boolean eventTimeAsTimestamp;

    /**
     * @throws IllegalArgumentException naming the field and the problem, when the schema or its hints cannot be used
     * @throws SettingException          on avro.key.field or avro.event.time.field when they name no usable field
     */
    AvroEventModel(String schemaJson, String keyField, String eventTimeField) {
        org.apache.avro.Schema avro;
        try {
            avro = new org.apache.avro.Schema.Parser().parse(schemaJson);
        } catch (AvroRuntimeException e) {
            throw new IllegalArgumentException("not a valid Avro schema: " + e.getMessage(), e);
        }
        if (avro.getType() != org.apache.avro.Schema.Type.RECORD) {
            throw new IllegalArgumentException("the Avro schema must be a record, got " + avro.getType().getName());
        }
        AvroGenerators.Built built = AvroGenerators.build(avro, GenerationHints.none(""), false);
        this.valueSchema = built.schema();
        this.generator = built.generator();
        this.keyField = keyField;
        this.eventTimeField = eventTimeField;
        if (!keyField.isEmpty() && valueSchema.field(keyField) == null) {
            throw new SettingException(GeneratorConfig.AVRO_KEY_FIELD, keyField, "not a top-level field of " + avro.getFullName()
                    + "; fields: " + valueSchema.fields().stream().map(Field::name).toList());
        }
        if (eventTimeField.isEmpty()) {
            this.eventTimeAsTimestamp = false;
        } else {
            Field field = valueSchema.field(eventTimeField);
            if (field == null || field.schema().type() != Schema.Type.INT64) {
                throw new SettingException(GeneratorConfig.AVRO_EVENT_TIME_FIELD, eventTimeField,
                        "must name a top-level long (plain or timestamp-millis) field of " + avro.getFullName());
            }
            this.eventTimeAsTimestamp = Timestamp.LOGICAL_NAME.equals(field.schema().name());
        }
    }

    @Override
    public Schema keySchema() {
        return keyField.isEmpty() ? null : valueSchema.field(keyField).schema();
    }

    @Override
    public Schema valueSchema() {
        return valueSchema;
    }

    @Override
    public GeneratedEvent event(long sequence, long eventTimeMs, SplittableRandom random, KeySlice keys) {
        Struct value = (Struct) generator.next(sequence, random);
        if (!eventTimeField.isEmpty()) {
            value.put(eventTimeField, eventTimeAsTimestamp ? new Date(eventTimeMs) : eventTimeMs);
        }
        return new GeneratedEvent(keyField.isEmpty() ? null : value.get(keyField), value, eventTimeMs);
    }
}
