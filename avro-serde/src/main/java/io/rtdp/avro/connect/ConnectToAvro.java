package io.rtdp.avro.connect;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.avro.JsonProperties;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;

/**
 * Connect schemas and values to Avro. Optional becomes a union with null (default null unless the
 * Connect schema has another default); Decimal, Date, Time and Timestamp become Avro's decimal, date,
 * time-millis and timestamp-millis; INT8/INT16 become int marked with {@code connect.type} so that
 * the way back restores them.
 */
final class ConnectToAvro {
    static final String NAMESPACE = "io.rtdp.connect.avro";
    static final String DEFAULT_RECORD_NAME = "ConnectDefault";
    static final String CONNECT_TYPE = "connect.type";
    static final String DECIMAL_PRECISION = "connect.decimal.precision";
    /** Avro needs a precision; Connect's Decimal has none unless a producer states it. */
    static final int DEFAULT_DECIMAL_PRECISION = 64;
    private static final long MILLIS_PER_DAY = 24L * 60 * 60 * 1000;

    private ConnectToAvro() {
    }

    static Schema schema(org.apache.kafka.connect.data.Schema connect) {
        if (connect == null) {
            throw new DataException("The Avro converter needs Connect schemas: the record has none (schemaless data"
                    + " cannot be registered); give the source connector or transform a schema");
        }
        return new SchemaWriter().convert(connect, true);
    }

    /** Builds one Avro schema; record names must be unique inside it, hence the counter for unnamed structs. */
    private static final class SchemaWriter {
        private final Map<String, Schema> records = new HashMap<>();
        private int unnamed;

        Schema convert(org.apache.kafka.connect.data.Schema connect, boolean topLevel) {
            Schema plain = plain(connect, topLevel);
            return connect.isOptional() ? optional(plain, connect.defaultValue() != null) : plain;
        }

        private static Schema optional(Schema plain, boolean nonNullDefault) {
            // Avro checks a field's default against the union's first branch.
            return nonNullDefault ? Schema.createUnion(plain, Schema.create(Schema.Type.NULL))
                    : Schema.createUnion(Schema.create(Schema.Type.NULL), plain);
        }

        private Schema plain(org.apache.kafka.connect.data.Schema connect, boolean topLevel) {
            String name = connect.name();
            switch (connect.type()) {
                case INT8:
                case INT16: {
                    Schema s = Schema.create(Schema.Type.INT);
                    s.addProp(CONNECT_TYPE, connect.type().getName());
                    return s;
                }
                case INT32:
                    if (Date.LOGICAL_NAME.equals(name)) {
                        return LogicalTypes.date().addToSchema(Schema.create(Schema.Type.INT));
                    }
                    if (Time.LOGICAL_NAME.equals(name)) {
                        return LogicalTypes.timeMillis().addToSchema(Schema.create(Schema.Type.INT));
                    }
                    return Schema.create(Schema.Type.INT);
                case INT64:
                    if (Timestamp.LOGICAL_NAME.equals(name)) {
                        return LogicalTypes.timestampMillis().addToSchema(Schema.create(Schema.Type.LONG));
                    }
                    return Schema.create(Schema.Type.LONG);
                case FLOAT32:
                    return Schema.create(Schema.Type.FLOAT);
                case FLOAT64:
                    return Schema.create(Schema.Type.DOUBLE);
                case BOOLEAN:
                    return Schema.create(Schema.Type.BOOLEAN);
                case STRING:
                    return Schema.create(Schema.Type.STRING);
                case BYTES:
                    if (Decimal.LOGICAL_NAME.equals(name)) {
                        int scale = Integer.parseInt(connect.parameters().get(Decimal.SCALE_FIELD));
                        String precision = connect.parameters() == null ? null : connect.parameters().get(DECIMAL_PRECISION);
                        int p = precision == null ? DEFAULT_DECIMAL_PRECISION : Integer.parseInt(precision);
                        return LogicalTypes.decimal(p, scale).addToSchema(Schema.create(Schema.Type.BYTES));
                    }
                    return Schema.create(Schema.Type.BYTES);
                case ARRAY:
                    return Schema.createArray(convert(connect.valueSchema(), false));
                case MAP:
                    if (connect.keySchema().type() != org.apache.kafka.connect.data.Schema.Type.STRING) {
                        throw new DataException("The Avro converter supports maps with string keys only; this one has "
                                + connect.keySchema().type() + " keys: convert the keys to strings first");
                    }
                    return Schema.createMap(convert(connect.valueSchema(), false));
                case STRUCT:
                    return record(connect);
                default:
                    throw new DataException("No Avro type for Connect type " + connect.type());
            }
        }

        private Schema record(org.apache.kafka.connect.data.Schema connect) {
            String fullName = connect.name() != null ? sanitize(connect.name())
                    : NAMESPACE + "." + DEFAULT_RECORD_NAME + (unnamed++ == 0 ? "" : String.valueOf(unnamed - 1));
            Schema existing = records.get(fullName);
            if (existing != null) {
                return existing;
            }
            int dot = fullName.lastIndexOf('.');
            Schema record = Schema.createRecord(dot < 0 ? fullName : fullName.substring(dot + 1), connect.doc(),
                    dot < 0 ? null : fullName.substring(0, dot), false);
            records.put(fullName, record);
            List<Schema.Field> fields = new ArrayList<>();
            for (Field f : connect.fields()) {
                Schema fieldSchema = convert(f.schema(), false);
                Object defaultValue = defaultOf(f.schema());
                fields.add(new Schema.Field(f.name(), fieldSchema, f.schema().doc(), defaultValue));
            }
            record.setFields(fields);
            return record;
        }

        private static Object defaultOf(org.apache.kafka.connect.data.Schema connect) {
            if (connect.defaultValue() == null) {
                return connect.isOptional() ? JsonProperties.NULL_VALUE : null;
            }
            return jsonDefault(connect, connect.defaultValue());
        }
    }

    /** A default in the JSON form Avro expects for the Avro type the Connect schema becomes. */
    private static Object jsonDefault(org.apache.kafka.connect.data.Schema connect, Object value) {
        Object avro = value(connect, value);
        if (avro instanceof ByteBuffer buffer) {
            byte[] bytes = new byte[buffer.remaining()];
            buffer.duplicate().get(bytes);
            return bytes;
        }
        if (avro instanceof GenericData.Record) {
            throw new DataException("Struct defaults are not supported by the Avro converter (schema " + connect.name() + ")");
        }
        return avro;
    }

    /** A Connect value to the Avro representation the generic writer takes. */
    static Object value(org.apache.kafka.connect.data.Schema connect, Object value) {
        return value(connect, value, null);
    }

    static Object value(org.apache.kafka.connect.data.Schema connect, Object value, Schema avro) {
        if (value == null) {
            return null;
        }
        String name = connect.name();
        switch (connect.type()) {
            case INT8:
                return ((Byte) value).intValue();
            case INT16:
                return ((Short) value).intValue();
            case INT32:
                if (Date.LOGICAL_NAME.equals(name)) {
                    return (int) Math.floorDiv(((java.util.Date) value).getTime(), MILLIS_PER_DAY);
                }
                if (Time.LOGICAL_NAME.equals(name)) {
                    return (int) Math.floorMod(((java.util.Date) value).getTime(), MILLIS_PER_DAY);
                }
                return value;
            case INT64:
                if (Timestamp.LOGICAL_NAME.equals(name)) {
                    return ((java.util.Date) value).getTime();
                }
                return value;
            case BYTES:
                if (Decimal.LOGICAL_NAME.equals(name)) {
                    return ByteBuffer.wrap(Decimal.fromLogical(connect, (BigDecimal) value)); // checks the scale
                }
                return value instanceof byte[] bytes ? ByteBuffer.wrap(bytes) : value;
            case ARRAY: {
                Schema element = avro == null ? null : nonNull(avro).getElementType();
                List<Object> out = new ArrayList<>();
                for (Object item : (List<?>) value) {
                    out.add(value(connect.valueSchema(), item, element));
                }
                return out;
            }
            case MAP: {
                Schema valueSchema = avro == null ? null : nonNull(avro).getValueType();
                Map<String, Object> out = new LinkedHashMap<>();
                ((Map<?, ?>) value).forEach((k, v) -> out.put((String) k, value(connect.valueSchema(), v, valueSchema)));
                return out;
            }
            case STRUCT: {
                if (avro == null) {
                    throw new DataException("internal: a struct needs its Avro record schema");
                }
                Schema recordSchema = nonNull(avro);
                Struct struct = (Struct) value;
                GenericData.Record record = new GenericData.Record(recordSchema);
                for (Field f : connect.fields()) {
                    Schema.Field avroField = recordSchema.getField(f.name());
                    record.put(avroField.pos(), value(f.schema(), struct.get(f), avroField.schema()));
                }
                return record;
            }
            default:
                return value;
        }
    }

    /** The non-null branch of an optional union, or the schema itself. */
    static Schema nonNull(Schema avro) {
        if (avro.getType() != Schema.Type.UNION) {
            return avro;
        }
        for (Schema branch : avro.getTypes()) {
            if (branch.getType() != Schema.Type.NULL) {
                return branch;
            }
        }
        return avro;
    }

    /** Connect schema names may hold characters Avro names may not ('-', '$'…). */
    private static String sanitize(String name) {
        StringBuilder out = new StringBuilder();
        for (String part : name.split("\\.")) {
            if (part.isEmpty()) {
                continue;
            }
            StringBuilder clean = new StringBuilder();
            for (char c : part.toCharArray()) {
                clean.append(Character.isLetterOrDigit(c) || c == '_' ? c : '_');
            }
            if (!Character.isLetter(clean.charAt(0)) && clean.charAt(0) != '_') {
                clean.insert(0, '_');
            }
            out.append(out.isEmpty() ? "" : ".").append(clean);
        }
        return out.toString();
    }
}
