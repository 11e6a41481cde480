package io.rtdp.ksql.engine.serde;

import io.rtdp.ksql.engine.expression.Casts;
import io.rtdp.ksql.engine.expression.Temporals;
import io.rtdp.ksql.engine.schema.KsqlStruct;
import io.rtdp.ksql.engine.schema.SqlType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericEnumSymbol;
import org.apache.avro.generic.GenericFixed;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Engine values ⇄ Avro generic data. Writing follows the target schema, whichever it is (a
 * generated one, or a registered one given by id: enums, fixed, non-null fields and defaults
 * included); reading coerces what was written into the column's SQL type, as ksqlDB does
 * (an Avro int read into a STRING column becomes its text). Struct fields match by name, exactly
 * first, then ignoring case.
 */
public final class AvroValues {
  private AvroValues() {}

  // ---- SQL → Avro ----

  /** The Avro datum of an engine value for the given schema; {@code where} names the field in errors. */
  public static Object toAvro(Object value, Schema schema, String where) {
    if (schema.getType() == Schema.Type.UNION) {
      if (value == null) {
        if (schema.getTypes().stream().noneMatch(b -> b.getType() == Schema.Type.NULL)) {
          throw new SerializationException("Cannot write null into the non-nullable Avro field " + where);
        }
        return null;
      }
      return toAvro(value, branchFor(schema, value), where);
    }
    if (value == null) {
      if (schema.getType() != Schema.Type.NULL) {
        throw new SerializationException("Cannot write null into the non-nullable Avro field " + where);
      }
      return null;
    }
    return switch (schema.getType()) {
      case BOOLEAN -> value instanceof Boolean ? value : Boolean.parseBoolean(Casts.text(value));
      case INT -> {
        String logical = AvroSchemas.logicalType(schema);
        if (value instanceof java.sql.Date d) {
          yield (int) Temporals.epochDays(d);
        }
        if (value instanceof java.util.Date d) {
          yield (int) d.getTime();
        }
        yield "date".equals(logical) || value instanceof Number ? number(value, where).intValue()
            : Integer.parseInt(Casts.text(value).trim());
      }
      case LONG -> {
        if (value instanceof java.util.Date d) {
          // Registered schemas may count in microseconds; the engine's temporal values hold milliseconds.
          String logical = AvroSchemas.logicalType(schema);
          yield "timestamp-micros".equals(logical) || "time-micros".equals(logical) ? d.getTime() * 1000 : d.getTime();
        }
        yield value instanceof Number n ? n.longValue() : Long.parseLong(Casts.text(value).trim());
      }
      case FLOAT -> number(value, where).floatValue();
      case DOUBLE -> number(value, where).doubleValue();
      case STRING -> value instanceof String ? value : Casts.text(value);
      case ENUM -> {
        String symbol = value.toString();
        if (!schema.hasEnumSymbol(symbol)) {
          throw new SerializationException("'" + symbol + "' is not a symbol of the Avro enum " + schema.getFullName()
              + " of field " + where);
        }
        yield new GenericData.EnumSymbol(schema, symbol);
      }
      case BYTES -> "decimal".equals(AvroSchemas.logicalType(schema))
          ? ByteBuffer.wrap(unscaled(value, schema, where)) : bytes(value, where);
      case FIXED -> {
        byte[] raw = "decimal".equals(AvroSchemas.logicalType(schema)) ? unscaled(value, schema, where)
            : Casts.bytes(bytes(value, where));
        yield new GenericData.Fixed(schema, fit(raw, schema.getFixedSize(), where));
      }
      case ARRAY -> {
        List<Object> out = new ArrayList<>();
        for (Object element : (Collection<?>) value) {
          out.add(toAvro(element, schema.getElementType(), where + "[]"));
        }
        yield new GenericData.Array<>(schema, out);
      }
      case MAP -> {
        Map<String, Object> out = new LinkedHashMap<>();
        ((Map<?, ?>) value).forEach((k, v) -> out.put(String.valueOf(k), toAvro(v, schema.getValueType(),
            where + "[" + k + "]")));
        yield out;
      }
      case RECORD -> {
        if (!(value instanceof KsqlStruct struct)) {
          throw new SerializationException("Cannot write " + value + " as the Avro record " + schema.getFullName());
        }
        yield record(struct.schema().fields().stream().map(SqlType.Field::name).toList(), struct::get, schema, where);
      }
      case NULL, UNION -> throw new SerializationException("Cannot write " + value + " as Avro " + schema);
    };
  }

  /**
   * A record of the schema from named values; a schema field without a value, or with a null one
   * it cannot hold, takes its default.
   */
  static GenericData.Record record(List<String> names, java.util.function.IntFunction<Object> values, Schema schema,
      String where) {
    GenericData.Record record = new GenericData.Record(schema);
    for (Schema.Field field : schema.getFields()) {
      int i = indexOf(names, field.name());
      Object value = i >= 0 ? values.apply(i) : null;
      String path = where.isEmpty() ? field.name() : where + "." + field.name();
      if (field.hasDefaultValue() && (i < 0 || (value == null && !nullable(field.schema())))) {
        record.put(field.pos(), GenericData.get().getDefaultValue(field));
      } else {
        record.put(field.pos(), toAvro(value, field.schema(), path));
      }
    }
    return record;
  }

  private static boolean nullable(Schema s) {
    return s.getType() == Schema.Type.NULL
        || s.getType() == Schema.Type.UNION && s.getTypes().stream().anyMatch(b -> b.getType() == Schema.Type.NULL);
  }

  private static int indexOf(List<String> names, String name) {
    int exact = names.indexOf(name);
    if (exact >= 0) {
      return exact;
    }
    for (int i = 0; i < names.size(); i++) {
      if (names.get(i).equalsIgnoreCase(name)) {
        return i;
      }
    }
    return -1;
  }

  /** The first non-null branch of a union that can hold a value of this Java type, else the first non-null one. */
  private static Schema branchFor(Schema union, Object value) {
    Schema fallback = null;
    for (Schema b : union.getTypes()) {
      if (b.getType() == Schema.Type.NULL) {
        continue;
      }
      if (fallback == null) {
        fallback = b;
      }
      if (holds(b, value)) {
        return b;
      }
    }
    return fallback;
  }

  private static boolean holds(Schema b, Object value) {
    String logical = AvroSchemas.logicalType(b);
    return switch (b.getType()) {
      case BOOLEAN -> value instanceof Boolean;
      case INT -> value instanceof Integer || value instanceof java.sql.Date || value instanceof java.sql.Time;
      case LONG -> value instanceof Long || value instanceof java.sql.Timestamp;
      case FLOAT, DOUBLE -> value instanceof Double;
      case STRING, ENUM -> value instanceof String;
      case BYTES, FIXED -> "decimal".equals(logical) ? value instanceof BigDecimal : value instanceof ByteBuffer;
      case ARRAY -> value instanceof List;
      case MAP -> value instanceof Map;
      case RECORD -> value instanceof KsqlStruct;
      default -> false;
    };
  }

  private static Number number(Object value, String where) {
    if (value instanceof Number n) {
      return n;
    }
    try {
      return new BigDecimal(Casts.text(value).trim());
    } catch (NumberFormatException e) {
      throw new SerializationException("Cannot write '" + value + "' into the numeric Avro field " + where);
    }
  }

  private static ByteBuffer bytes(Object value, String where) {
    if (value instanceof ByteBuffer b) {
      return b.duplicate();
    }
    throw new SerializationException("Cannot write " + value + " into the Avro bytes field " + where);
  }

  private static byte[] unscaled(Object value, Schema schema, String where) {
    BigDecimal d = value instanceof BigDecimal b ? b : new BigDecimal(number(value, where).toString());
    return d.setScale(AvroSchemas.intProp(schema, "scale", 0), RoundingMode.HALF_UP).unscaledValue().toByteArray();
  }

  private static byte[] fit(byte[] raw, int size, String where) {
    if (raw.length == size) {
      return raw;
    }
    if (raw.length > size) {
      throw new SerializationException(raw.length + " bytes do not fit the " + size + "-byte Avro fixed field " + where);
    }
    // Decimals are big-endian two's complement: pad with the sign.
    byte[] out = new byte[size];
    byte pad = raw.length > 0 && raw[0] < 0 ? (byte) -1 : 0;
    java.util.Arrays.fill(out, 0, size - raw.length, pad);
    System.arraycopy(raw, 0, out, size - raw.length, raw.length);
    return out;
  }

  // ---- Avro → SQL ----

  /** The engine value of a datum written with {@code writer}, coerced into {@code type}. */
  public static Object fromAvro(Object datum, Schema writer, SqlType type) {
    if (datum == null) {
      return null;
    }
    if (writer.getType() == Schema.Type.UNION) {
      return fromAvro(datum, writer.getTypes().get(GenericData.get().resolveUnion(writer, datum)), type);
    }
    switch (type.base()) {
      case STRING:
        return text(datum, writer);
      case BOOLEAN:
        return datum instanceof Boolean ? datum : Boolean.parseBoolean(text(datum, writer).trim());
      case INTEGER:
        return datum instanceof Number n ? (Object) n.intValue() : (Object) Integer.parseInt(text(datum, writer).trim());
      case BIGINT:
        return datum instanceof Number n ? (Object) n.longValue() : (Object) Long.parseLong(text(datum, writer).trim());
      case DOUBLE:
        return datum instanceof Number n ? (Object) n.doubleValue()
            : (Object) Double.parseDouble(text(datum, writer).trim());
      case DECIMAL:
        return Casts.decimal(datum instanceof Number || datum instanceof CharSequence
            ? new BigDecimal(datum.toString()) : decimal(datum, writer), (SqlType.Decimal) type);
      case BYTES:
        if (datum instanceof ByteBuffer b) {
          return b.duplicate();
        }
        if (datum instanceof GenericFixed f) {
          return ByteBuffer.wrap(f.bytes().clone());
        }
        throw mismatch(datum, writer, type);
      case DATE:
        return Temporals.date(((Number) datum).longValue());
      case TIME:
        long time = ((Number) datum).longValue();
        return new java.sql.Time("time-micros".equals(AvroSchemas.logicalType(writer)) ? time / 1000 : time);
      case TIMESTAMP:
        long raw = ((Number) datum).longValue();
        return new java.sql.Timestamp("timestamp-micros".equals(AvroSchemas.logicalType(writer)) ? raw / 1000 : raw);
      case ARRAY: {
        if (!(datum instanceof Collection<?> list) || writer.getType() != Schema.Type.ARRAY) {
          throw mismatch(datum, writer, type);
        }
        SqlType element = ((SqlType.Array) type).element();
        List<Object> out = new ArrayList<>(list.size());
        list.forEach(e -> out.add(fromAvro(e, writer.getElementType(), element)));
        return out;
      }
      case MAP: {
        if (!(datum instanceof Map<?, ?> map) || writer.getType() != Schema.Type.MAP) {
          throw mismatch(datum, writer, type);
        }
        SqlType.MapType m = (SqlType.MapType) type;
        Map<Object, Object> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(fromAvro(k.toString(), Schema.create(Schema.Type.STRING), m.key()),
            fromAvro(v, writer.getValueType(), m.value())));
        return out;
      }
      case STRUCT: {
        if (!(datum instanceof GenericRecord record)) {
          throw mismatch(datum, writer, type);
        }
        SqlType.Struct s = (SqlType.Struct) type;
        Object[] values = new Object[s.fields().size()];
        for (int i = 0; i < values.length; i++) {
          SqlType.Field f = s.fields().get(i);
          Schema.Field field = field(writer, f.name());
          values[i] = field == null ? null : fromAvro(record.get(field.pos()), field.schema(), f.type());
        }
        return new KsqlStruct(s, values);
      }
      default:
        throw mismatch(datum, writer, type);
    }
  }

  /** The record's field of that name: exact first, then ignoring case. */
  static Schema.Field field(Schema record, String name) {
    Schema.Field exact = record.getField(name);
    if (exact != null) {
      return exact;
    }
    return record.getFields().stream().filter(f -> f.name().equalsIgnoreCase(name)).findFirst().orElse(null);
  }

  private static String text(Object datum, Schema writer) {
    if (datum instanceof CharSequence || datum instanceof GenericEnumSymbol<?> || datum instanceof Number
        || datum instanceof Boolean) {
      return datum.toString();
    }
    throw new SerializationException("Cannot read Avro " + writer + " into a STRING column");
  }

  private static BigDecimal decimal(Object datum, Schema writer) {
    byte[] raw = datum instanceof ByteBuffer b ? Casts.bytes(b.duplicate())
        : datum instanceof GenericFixed f ? f.bytes() : null;
    if (raw == null || !"decimal".equals(AvroSchemas.logicalType(writer))) {
      throw new SerializationException("Cannot read Avro " + writer + " into a DECIMAL column");
    }
    return new BigDecimal(new BigInteger(raw), AvroSchemas.intProp(writer, "scale", 0));
  }

  private static SerializationException mismatch(Object datum, Schema writer, SqlType type) {
    return new SerializationException("Cannot read Avro " + writer.getType() + " data (" + datum + ") into a column of "
        + "type " + type);
  }
}
