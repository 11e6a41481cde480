package io.rtdp.avro.serde;

import java.nio.ByteBuffer;

import org.apache.avro.Conversions;
import org.apache.avro.Schema;
import org.apache.avro.data.TimeConversions;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.generic.GenericData;
import org.apache.kafka.common.errors.SerializationException;

/** The Avro schema of a value handed to the serializer, and the data model that writes generic records. */
final class AvroDatums {
    private static final Schema NULL = Schema.create(Schema.Type.NULL);
    private static final Schema BOOLEAN = Schema.create(Schema.Type.BOOLEAN);
    private static final Schema INT = Schema.create(Schema.Type.INT);
    private static final Schema LONG = Schema.create(Schema.Type.LONG);
    private static final Schema FLOAT = Schema.create(Schema.Type.FLOAT);
    private static final Schema DOUBLE = Schema.create(Schema.Type.DOUBLE);
    private static final Schema STRING = Schema.create(Schema.Type.STRING);
    private static final Schema BYTES = Schema.create(Schema.Type.BYTES);

    /**
     * Generic records may hold logical-type values as Java types (BigDecimal, Instant, LocalDate…) or
     * as their Avro representation (ByteBuffer, long…): the writer converts the first and passes the second.
     */
    static final GenericData GENERIC_WITH_LOGICAL_TYPES = new GenericData();

    static {
        GENERIC_WITH_LOGICAL_TYPES.addLogicalTypeConversion(new Conversions.DecimalConversion());
        GENERIC_WITH_LOGICAL_TYPES.addLogicalTypeConversion(new Conversions.UUIDConversion());
        GENERIC_WITH_LOGICAL_TYPES.addLogicalTypeConversion(new TimeConversions.DateConversion());
        GENERIC_WITH_LOGICAL_TYPES.addLogicalTypeConversion(new TimeConversions.TimeMillisConversion());
        GENERIC_WITH_LOGICAL_TYPES.addLogicalTypeConversion(new TimeConversions.TimeMicrosConversion());
        GENERIC_WITH_LOGICAL_TYPES.addLogicalTypeConversion(new TimeConversions.TimestampMillisConversion());
        GENERIC_WITH_LOGICAL_TYPES.addLogicalTypeConversion(new TimeConversions.TimestampMicrosConversion());
    }

    private AvroDatums() {
    }

    static Schema schemaOf(Object value) {
        if (value instanceof GenericContainer container) {
            return container.getSchema();
        }
        if (value == null) {
            return NULL;
        }
        if (value instanceof CharSequence) {
            return STRING;
        }
        if (value instanceof Integer) {
            return INT;
        }
        if (value instanceof Long) {
            return LONG;
        }
        if (value instanceof Boolean) {
            return BOOLEAN;
        }
        if (value instanceof Float) {
            return FLOAT;
        }
        if (value instanceof Double) {
            return DOUBLE;
        }
        if (value instanceof byte[] || value instanceof ByteBuffer) {
            return BYTES;
        }
        throw new SerializationException("Cannot serialize a " + value.getClass().getName() + " as Avro: give a"
                + " GenericRecord, a generated SpecificRecord, or a primitive (String, Integer, Long, Float, Double,"
                + " Boolean, byte[])");
    }
}
