package io.rtdp.avro.connect;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.avro.JsonProperties;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericFixed;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;

/**
 * Avro schemas and values to Connect. A union of null and one type becomes that type, optional;
 * decimal, date, time-millis/micros and timestamp-millis/micros become Connect's Decimal (with
 * {@code connect.decimal.precision}), Date, Time and Timestamp; enums become strings.
 */
final class AvroToConnect {
    private static final long MILLIS_PER_DAY = 24L * 60 * 60 * 1000;

    private AvroToConnect() {
    }

    static org.apache.kafka.connect.data.Schema schema(Schema avro) {
        return schema(avro, false, null);
    }

    private static org.apache.kafka.connect.data.Schema schema(Schema avro, boolean optional, Object avroDefault) {
        if (avro.getType() == Schema.Type.UNION) {
            List<Schema> branches = avro.getTypes();
            List<Schema> nonNull = branches.stream().filter(b -> b.getType() != Schema.Type.NULL).toList();
            if (nonNull.size() != 1) {
                throw new DataException("The Avro converter reads unions of null and one type only; " + avro
                        + " has " + nonNull.size() + " non-null branches");
            }
            return schema(nonNull.get(0), branches.size() > 1 || optional, avroDefault);
        }
        SchemaBuilder builder = builder(avro);
        if (optional) {
            builder.optional();
        }
        // Connect keeps defaults as schema metadata only; those of structs, arrays and maps are left out.
        boolean simple = avro.getType() != Schema.Type.RECORD && avro.getType() != Schema.Type.ARRAY
                && avro.getType() != Schema.Type.MAP;
        if (simple && avroDefault != null && avroDefault != JsonProperties.NULL_VALUE) {
            builder.defaultValue(value(builder.build(), defaultAsDatum(avro, avroDefault)));
        }
        if (avro.getDoc() != null && avro.getType() == Schema.Type.RECORD) {
            builder.doc(avro.getDoc());
        }
        return builder.build();
    }

    private static SchemaBuilder builder(Schema avro) {
        LogicalType logical = avro.getLogicalType();
        switch (avro.getType()) {
            case INT:
                if (logical instanceof LogicalTypes.Date) {
                    return Date.builder();
                }
                if (logical instanceof LogicalTypes.TimeMillis) {
                    return Time.builder();
                }
                String connectType = avro.getProp(ConnectToAvro.CONNECT_TYPE);
                if ("int8".equals(connectType)) {
                    return SchemaBuilder.int8();
                }
                if ("int16".equals(connectType)) {
                    return SchemaBuilder.int16();
                }
                return SchemaBuilder.int32();
            case LONG:
                // Connect's Timestamp holds milliseconds: micros stay plain longs rather than lose precision.
                if (logical instanceof LogicalTypes.TimestampMillis) {
                    return Timestamp.builder();
                }
                return SchemaBuilder.int64();
            case FLOAT:
                return SchemaBuilder.float32();
            case DOUBLE:
                return SchemaBuilder.float64();
            case BOOLEAN:
                return SchemaBuilder.bool();
            case STRING:
            case ENUM:
                return SchemaBuilder.string();
            case BYTES:
            case FIXED:
                if (logical instanceof LogicalTypes.Decimal decimal) {
                    return Decimal.builder(decimal.getScale())
                            .parameter(ConnectToAvro.DECIMAL_PRECISION, String.valueOf(decimal.getPrecision()));
                }
                return SchemaBuilder.bytes();
            case ARRAY:
                return SchemaBuilder.array(schema(avro.getElementType()));
            case MAP:
                return SchemaBuilder.map(org.apache.kafka.connect.data.Schema.STRING_SCHEMA, schema(avro.getValueType()));
            case RECORD: {
                SchemaBuilder struct = SchemaBuilder.struct().name(avro.getFullName());
                for (Schema.Field f : avro.getFields()) {
                    struct.field(f.name(), schema(f.schema(), false, f.hasDefaultValue() ? f.defaultVal() : null));
                }
                return struct;
            }
            default:
                throw new DataException("No Connect type for Avro type " + avro.getType() + " (" + avro + ")");
        }
    }

    /** A field default as Avro's generic reader would have produced the value. */
    private static Object defaultAsDatum(Schema avro, Object jsonDefault) {
        if (jsonDefault instanceof byte[] bytes) {
            return ByteBuffer.wrap(bytes);
        }
        if (avro.getType() == Schema.Type.ENUM || avro.getType() == Schema.Type.STRING) {
            return jsonDefault.toString();
        }
        if (jsonDefault instanceof Number n) {
            return switch (avro.getType()) {
                case INT -> n.intValue();
                case LONG -> n.longValue();
                case FLOAT -> n.floatValue();
                case DOUBLE -> n.doubleValue();
                default -> n;
            };
        }
        return jsonDefault;
    }

    /** A datum of Avro's generic model (no logical-type conversions) to the Connect value of {@code connect}. */
    static Object value(org.apache.kafka.connect.data.Schema connect, Object datum) {
        if (datum == null) {
            return null;
        }
        String name = connect.name();
        switch (connect.type()) {
            case INT8:
                return ((Integer) datum).byteValue();
            case INT16:
                return ((Integer) datum).shortValue();
            case INT32:
                if (Date.LOGICAL_NAME.equals(name)) {
                    return new java.util.Date(((Integer) datum) * MILLIS_PER_DAY);
                }
                if (Time.LOGICAL_NAME.equals(name)) {
                    return new java.util.Date((Integer) datum);
                }
                return datum;
            case INT64:
                if (Timestamp.LOGICAL_NAME.equals(name)) {
                    return new java.util.Date((Long) datum);
                }
                return datum;
            case STRING:
                return datum.toString();
            case BYTES: {
                byte[] bytes = bytes(datum);
                if (Decimal.LOGICAL_NAME.equals(name)) {
                    return new BigDecimal(new BigInteger(bytes), Integer.parseInt(connect.parameters().get(Decimal.SCALE_FIELD)));
                }
                return bytes;
            }
            case ARRAY: {
                List<Object> out = new ArrayList<>();
                for (Object item : (List<?>) datum) {
                    out.add(value(connect.valueSchema(), item));
                }
                return out;
            }
            case MAP: {
                Map<String, Object> out = new LinkedHashMap<>();
                ((Map<?, ?>) datum).forEach((k, v) -> out.put(k.toString(), value(connect.valueSchema(), v)));
                return out;
            }
            case STRUCT: {
                GenericRecord record = (GenericRecord) datum;
                Struct struct = new Struct(connect);
                for (org.apache.kafka.connect.data.Field f : connect.fields()) {
                    struct.put(f, value(f.schema(), record.get(f.name())));
                }
                return struct;
            }
            default:
                return datum;
        }
    }

    private static byte[] bytes(Object datum) {
        if (datum instanceof ByteBuffer buffer) {
            byte[] bytes = new byte[buffer.remaining()];
            buffer.duplicate().get(bytes);
            return bytes;
        }
        if (datum instanceof GenericFixed fixed) {
            return fixed.bytes();
        }
        return (byte[]) datum;
    }
}
