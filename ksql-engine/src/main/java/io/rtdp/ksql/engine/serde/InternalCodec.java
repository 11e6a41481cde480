package io.rtdp.ksql.engine.serde;

import io.rtdp.ksql.engine.schema.KsqlStruct;
import io.rtdp.ksql.engine.schema.SqlType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Self-describing binary encoding of engine values (rows, keys, aggregate accumulators) for
 * state stores and internal topics, which no user reads. Struct schemas are written by
 * reference to a per-codec table so that rows stay compact.
 */
public final class InternalCodec {
  private static final byte NULL = 0;
  private static final byte TRUE = 1;
  private static final byte FALSE = 2;
  private static final byte INT = 3;
  private static final byte LONG = 4;
  private static final byte DOUBLE = 5;
  private static final byte STRING = 6;
  private static final byte DECIMAL = 7;
  private static final byte BYTES = 8;
  private static final byte DATE = 9;
  private static final byte TIME = 10;
  private static final byte TIMESTAMP = 11;
  private static final byte LIST = 12;
  private static final byte MAP = 13;
  private static final byte STRUCT = 14;
  private static final byte ARRAY = 15;

  private final List<SqlType.Struct> structs = new ArrayList<>();
  private final Map<SqlType.Struct, Integer> structIds = new HashMap<>();

  /** Serde of {@code Object[]} rows. */
  public Serde<Object[]> rowSerde() {
    Serializer<Object[]> ser = (topic, row) -> row == null ? null : encode(row);
    Deserializer<Object[]> de = (topic, bytes) -> bytes == null ? null : (Object[]) decode(bytes);
    return Serdes.serdeFrom(ser, de);
  }

  /** Serde of {@code List<Object>} keys and accumulators. */
  public Serde<List<Object>> listSerde() {
    Serializer<List<Object>> ser = (topic, list) -> list == null ? null : encode(list);
    @SuppressWarnings("unchecked")
    Deserializer<List<Object>> de = (topic, bytes) -> bytes == null ? null : (List<Object>) decode(bytes);
    return Serdes.serdeFrom(ser, de);
  }

  public byte[] encode(Object value) {
    ByteWriter out = new ByteWriter();
    write(out, value);
    return out.toByteArray();
  }

  public Object decode(byte[] bytes) {
    try {
      return read(ByteBuffer.wrap(bytes));
    } catch (BufferUnderflowException e) {
      throw new IllegalArgumentException("Corrupt internal record: it ends in the middle of a value", e);
    }
  }

  private void write(ByteWriter out, Object v) {
    if (v == null) {
      out.writeByte(NULL);
    } else if (v instanceof Boolean b) {
      out.writeByte(b ? TRUE : FALSE);
    } else if (v instanceof Integer i) {
      out.writeByte(INT);
      out.writeInt(i);
    } else if (v instanceof Long l) {
      out.writeByte(LONG);
      out.writeLong(l);
    } else if (v instanceof Double d) {
      out.writeByte(DOUBLE);
      out.writeLong(Double.doubleToLongBits(d));
    } else if (v instanceof String s) {
      out.writeByte(STRING);
      out.writeSized(s.getBytes(StandardCharsets.UTF_8));
    } else if (v instanceof BigDecimal d) {
      out.writeByte(DECIMAL);
      out.writeInt(d.scale());
      out.writeSized(d.unscaledValue().toByteArray());
    } else if (v instanceof ByteBuffer b) {
      out.writeByte(BYTES);
      ByteBuffer dup = b.duplicate();
      dup.rewind();
      byte[] raw = new byte[dup.remaining()];
      dup.get(raw);
      out.writeSized(raw);
    } else if (v instanceof java.sql.Timestamp t) {
      out.writeByte(TIMESTAMP);
      out.writeLong(t.getTime());
    } else if (v instanceof java.sql.Time t) {
      out.writeByte(TIME);
      out.writeLong(t.getTime());
    } else if (v instanceof java.sql.Date d) {
      out.writeByte(DATE);
      out.writeLong(d.getTime());
    } else if (v instanceof List<?> list) {
      out.writeByte(LIST);
      out.writeInt(list.size());
      for (Object o : list) {
        write(out, o);
      }
    } else if (v instanceof Object[] array) {
      out.writeByte(ARRAY);
      out.writeInt(array.length);
      for (Object o : array) {
        write(out, o);
      }
    } else if (v instanceof Map<?, ?> map) {
      out.writeByte(MAP);
      out.writeInt(map.size());
      for (Map.Entry<?, ?> e : map.entrySet()) {
        write(out, e.getKey());
        write(out, e.getValue());
      }
    } else if (v instanceof KsqlStruct s) {
      out.writeByte(STRUCT);
      out.writeInt(structId(s.schema()));
      for (int i = 0; i < s.schema().fields().size(); i++) {
        write(out, s.get(i));
      }
    } else {
      throw new IllegalArgumentException("Cannot encode " + v.getClass().getName());
    }
  }

  private synchronized int structId(SqlType.Struct schema) {
    return structIds.computeIfAbsent(schema, s -> {
      structs.add(s);
      return structs.size() - 1;
    });
  }

  private synchronized SqlType.Struct struct(int id) {
    return structs.get(id);
  }

  private static byte[] readSized(ByteBuffer in) {
    byte[] b = new byte[in.getInt()];
    in.get(b);
    return b;
  }

  private static String readString(ByteBuffer in) {
    int length = in.getInt();
    if (length > in.remaining()) {
      throw new BufferUnderflowException();
    }
    // Decoded in place: no copy of the bytes first.
    String s = new String(in.array(), in.arrayOffset() + in.position(), length, StandardCharsets.UTF_8);
    in.position(in.position() + length);
    return s;
  }

  private Object read(ByteBuffer in) {
    byte tag = in.get();
    switch (tag) {
      case NULL:
        return null;
      case TRUE:
        return true;
      case FALSE:
        return false;
      case INT:
        return in.getInt();
      case LONG:
        return in.getLong();
      case DOUBLE:
        return in.getDouble();
      case STRING:
        return readString(in);
      case DECIMAL: {
        int scale = in.getInt();
        return new BigDecimal(new BigInteger(readSized(in)), scale);
      }
      case BYTES:
        return ByteBuffer.wrap(readSized(in));
      case DATE:
        return new java.sql.Date(in.getLong());
      case TIME:
        return new java.sql.Time(in.getLong());
      case TIMESTAMP:
        return new java.sql.Timestamp(in.getLong());
      case LIST: {
        int n = in.getInt();
        List<Object> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          list.add(read(in));
        }
        return list;
      }
      case ARRAY: {
        Object[] array = new Object[in.getInt()];
        for (int i = 0; i < array.length; i++) {
          array[i] = read(in);
        }
        return array;
      }
      case MAP: {
        int n = in.getInt();
        Map<Object, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
          map.put(read(in), read(in));
        }
        return map;
      }
      case STRUCT: {
        SqlType.Struct schema = struct(in.getInt());
        Object[] values = new Object[schema.fields().size()];
        for (int i = 0; i < values.length; i++) {
          values[i] = read(in);
        }
        return new KsqlStruct(schema, values);
      }
      default:
        throw new IllegalArgumentException("Corrupt internal record: tag " + tag);
    }
  }
}
