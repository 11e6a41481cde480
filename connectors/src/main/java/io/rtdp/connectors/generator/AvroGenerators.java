package io.rtdp.connectors.generator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;

/**
 * Turns an Avro schema into the Connect schema of the same shape and a generator per field, so that
 * any converter (JSON, Avro) can write what the generator makes.
 */
final class AvroGenerators {
    /** A Connect schema and the generator of its values. */
    record Built(Schema schema, ValueGenerator generator) {
    }

    private static final long DAY_MS = 86_400_000L;
    private static final long JAN_2026_MS = 1_767_225_600_000L;

    private AvroGenerators() {
    }

    static Built build(org.apache.avro.Schema avro, GenerationHints hints, boolean optional) {
        return switch (avro.getType()) {
            case UNION -> union(avro, hints, optional);
            case RECORD -> record(avro, hints, optional);
            case ENUM -> enumeration(avro, hints, optional);
            case ARRAY -> array(avro, hints, optional);
            case MAP -> map(avro, hints, optional);
            case STRING -> string(avro, hints, optional);
            case BOOLEAN -> bool(hints, optional);
            case INT, LONG, FLOAT, DOUBLE -> number(avro, hints, optional);
            case BYTES, FIXED -> bytes(avro, hints, optional);
            case NULL -> throw GenerationHints.error(hints.path(), "a field of type null alone has no Connect type; use a union [\"null\", T]");
        };
    }

    private static Built union(org.apache.avro.Schema avro, GenerationHints hints, boolean optional) {
        List<org.apache.avro.Schema> types = avro.getTypes();
        List<org.apache.avro.Schema> nonNull = types.stream().filter(t -> t.getType() != org.apache.avro.Schema.Type.NULL).toList();
        if (types.size() != 2 || nonNull.size() != 1) {
            throw GenerationHints.error(hints.path(), "only unions of null and one type are supported (optional fields), got " + avro);
        }
        double nullRatio = hints.nullRatio();
        Built inner = build(nonNull.get(0), hints.withoutNullRatio(), true);
        ValueGenerator gen = inner.generator();
        return new Built(inner.schema(), (n, r) -> r.nextDouble() < nullRatio ? null : gen.next(n, r));
    }

    private static Built record(org.apache.avro.Schema avro, GenerationHints hints, boolean optional) {
        hints.allowOnly("record");
        SchemaBuilder builder = SchemaBuilder.struct().name(avro.getFullName());
        if (avro.getDoc() != null) {
            builder.doc(avro.getDoc());
        }
        List<ValueGenerator> fields = new ArrayList<>();
        for (org.apache.avro.Schema.Field field : avro.getFields()) {
            String path = hints.path().isEmpty() ? field.name() : hints.path() + "." + field.name();
            Built built = build(field.schema(), GenerationHints.of(path, field.getObjectProp("gen")), false);
            builder.field(field.name(), built.schema());
            fields.add(built.generator());
        }
        Schema schema = optionalIf(builder, optional);
        List<String> names = avro.getFields().stream().map(org.apache.avro.Schema.Field::name).toList();
        return new Built(schema, (n, r) -> {
            Struct struct = new Struct(schema);
            for (int i = 0; i < names.size(); i++) {
                struct.put(names.get(i), fields.get(i).next(n, r));
            }
            return struct;
        });
    }

    private static Built enumeration(org.apache.avro.Schema avro, GenerationHints hints, boolean optional) {
        hints.allowOnly("enum", "choices");
        List<Object> choices = hints.has("choices") ? hints.choices() : List.copyOf(avro.getEnumSymbols());
        for (Object c : choices) {
            if (!avro.getEnumSymbols().contains(String.valueOf(c))) {
                throw GenerationHints.error(hints.path(), "choice " + c + " is not a symbol of enum " + avro.getFullName());
            }
        }
        return new Built(optionalIf(SchemaBuilder.string(), optional), pick(choices, String::valueOf));
    }

    private static Built array(org.apache.avro.Schema avro, GenerationHints hints, boolean optional) {
        hints.allowOnly("array", "length", "items");
        int[] length = hints.length(0, 3);
        Built items = build(avro.getElementType(), hints.nested("items", "[]"), false);
        ValueGenerator item = items.generator();
        return new Built(optionalIf(SchemaBuilder.array(items.schema()), optional), (n, r) -> {
            int size = between(r, length[0], length[1]);
            List<Object> list = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                list.add(item.next(n, r));
            }
            return list;
        });
    }

    private static Built map(org.apache.avro.Schema avro, GenerationHints hints, boolean optional) {
        hints.allowOnly("map", "length", "values");
        int[] length = hints.length(0, 3);
        Built values = build(avro.getValueType(), hints.nested("values", "{}"), false);
        ValueGenerator value = values.generator();
        return new Built(optionalIf(SchemaBuilder.map(Schema.STRING_SCHEMA, values.schema()), optional), (n, r) -> {
            int size = between(r, length[0], length[1]);
            Map<String, Object> map = new LinkedHashMap<>();
            for (int i = 0; i < size; i++) {
                map.put("key" + i, value.next(n, r));
            }
            return map;
        });
    }

    private static Built string(org.apache.avro.Schema avro, GenerationHints hints, boolean optional) {
        Schema schema = optionalIf(SchemaBuilder.string(), optional);
        if (avro.getLogicalType() != null && "uuid".equals(avro.getLogicalType().getName())) {
            hints.allowOnly("uuid string");
            return new Built(schema, (n, r) -> new UUID(r.nextLong() & 0xFFFFFFFFFFFF0FFFL | 0x4000L,
                    r.nextLong() & 0x3FFFFFFFFFFFFFFFL | 0x8000000000000000L).toString());
        }
        hints.allowOnly("string", "choices", "sequence", "length");
        if (hints.has("choices")) {
            return new Built(schema, pick(hints.choices(), String::valueOf));
        }
        if (hints.has("sequence")) {
            GenerationHints.Sequence seq = hints.sequence();
            return new Built(schema, (n, r) -> seq.prefix() + seq.at(n));
        }
        int[] length = hints.length(5, 12);
        return new Built(schema, (n, r) -> {
            int size = between(r, length[0], length[1]);
            char[] chars = new char[size];
            for (int i = 0; i < size; i++) {
                chars[i] = (char) ('a' + r.nextInt(26));
            }
            return new String(chars);
        });
    }

    private static Built bool(GenerationHints hints, boolean optional) {
        hints.allowOnly("boolean", "choices");
        Schema schema = optionalIf(SchemaBuilder.bool(), optional);
        if (hints.has("choices")) {
            return new Built(schema, pick(hints.choices(), c -> {
                if (!(c instanceof Boolean b)) {
                    throw GenerationHints.error(hints.path(), "choice " + c + " is not a boolean");
                }
                return b;
            }));
        }
        return new Built(schema, (n, r) -> r.nextBoolean());
    }

    private static Built number(org.apache.avro.Schema avro, GenerationHints hints, boolean optional) {
        hints.allowOnly(avro.getType().getName(), "range", "choices", "sequence");
        LogicalType logical = avro.getLogicalType();
        Schema schema;
        java.util.function.DoubleFunction<Object> convert;
        double[] defaultRange;
        if (logical instanceof LogicalTypes.TimestampMillis) {
            schema = optionalIf(Timestamp.builder(), optional);
            convert = d -> new Date((long) d);
            defaultRange = new double[] {JAN_2026_MS, JAN_2026_MS + 365 * DAY_MS};
        } else if (logical instanceof LogicalTypes.Date) {
            schema = optionalIf(org.apache.kafka.connect.data.Date.builder(), optional);
            convert = d -> new Date((long) d * DAY_MS);
            defaultRange = new double[] {JAN_2026_MS / DAY_MS, JAN_2026_MS / DAY_MS + 365};
        } else if (logical instanceof LogicalTypes.TimeMillis) {
            schema = optionalIf(Time.builder(), optional);
            convert = d -> new Date((long) d);
            defaultRange = new double[] {0, DAY_MS - 1};
        } else {
            switch (avro.getType()) {
                case INT -> {
                    schema = optionalIf(SchemaBuilder.int32(), optional);
                    convert = d -> (int) d;
                }
                case LONG -> {
                    schema = optionalIf(SchemaBuilder.int64(), optional);
                    convert = d -> (long) d;
                }
                case FLOAT -> {
                    schema = optionalIf(SchemaBuilder.float32(), optional);
                    convert = d -> (float) d;
                }
                default -> {
                    schema = optionalIf(SchemaBuilder.float64(), optional);
                    convert = d -> d;
                }
            }
            defaultRange = new double[] {0, 1000};
        }
        boolean integral = avro.getType() == org.apache.avro.Schema.Type.INT || avro.getType() == org.apache.avro.Schema.Type.LONG;
        if (hints.has("choices")) {
            return new Built(schema, pick(hints.choices(), c -> {
                if (!(c instanceof Number num)) {
                    throw GenerationHints.error(hints.path(), "choice " + c + " is not a number");
                }
                return convert.apply(num.doubleValue());
            }));
        }
        if (hints.has("sequence")) {
            if (!integral) {
                throw GenerationHints.error(hints.path(), "sequence applies to int, long and string fields");
            }
            GenerationHints.Sequence seq = hints.sequence();
            if (!seq.prefix().isEmpty()) {
                throw GenerationHints.error(hints.path(), "a sequence prefix needs a string field");
            }
            return new Built(schema, (n, r) -> convert.apply(seq.at(n)));
        }
        double[] range = hints.range(defaultRange[0], defaultRange[1]);
        if (integral) {
            long min = (long) range[0];
            long max = (long) range[1];
            return new Built(schema, (n, r) -> convert.apply(min + r.nextLong(max - min + 1)));
        }
        return new Built(schema, (n, r) -> convert.apply(range[0] + r.nextDouble() * (range[1] - range[0])));
    }

    private static Built bytes(org.apache.avro.Schema avro, GenerationHints hints, boolean optional) {
        if (avro.getLogicalType() instanceof LogicalTypes.Decimal decimal) {
            hints.allowOnly("decimal", "range");
            int scale = decimal.getScale();
            double[] range = hints.range(0, 1000);
            Schema schema = optionalIf(Decimal.builder(scale), optional);
            return new Built(schema, (n, r) -> BigDecimal.valueOf(range[0] + r.nextDouble() * (range[1] - range[0]))
                    .setScale(scale, RoundingMode.HALF_UP));
        }
        hints.allowOnly(avro.getType().getName(), "length");
        boolean fixed = avro.getType() == org.apache.avro.Schema.Type.FIXED;
        int[] length = fixed ? new int[] {avro.getFixedSize(), avro.getFixedSize()} : hints.length(4, 16);
        return new Built(optionalIf(SchemaBuilder.bytes(), optional), (n, r) -> {
            byte[] bytes = new byte[between(r, length[0], length[1])];
            r.nextBytes(bytes);
            return ByteBuffer.wrap(bytes);
        });
    }

    private static ValueGenerator pick(List<Object> choices, java.util.function.Function<Object, Object> convert) {
        List<Object> values = choices.stream().map(convert).toList();
        return (n, r) -> values.get(r.nextInt(values.size()));
    }

    private static int between(SplittableRandom r, int min, int max) {
        return min == max ? min : min + r.nextInt(max - min + 1);
    }

    private static Schema optionalIf(SchemaBuilder builder, boolean optional) {
        return optional ? builder.optional().build() : builder.build();
    }
}
