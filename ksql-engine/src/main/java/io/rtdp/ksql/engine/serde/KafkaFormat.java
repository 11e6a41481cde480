package io.rtdp.ksql.engine.serde;

import io.rtdp.ksql.engine.KsqlException;
import io.rtdp.ksql.engine.schema.Column;
import io.rtdp.ksql.engine.schema.SqlType;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/** KAFKA: Kafka's standard serializers for a single INT, BIGINT, DOUBLE, STRING or BYTES column. */
final class KafkaFormat implements Format {
  @Override
  public String name() {
    return "KAFKA";
  }

  @Override
  public void validate(List<Column> columns, boolean isKey, FormatOptions options) {
    String problem = null;
    if (columns.size() > 1) {
      problem = "The 'KAFKA' format only supports a single field. Got: " + columns;
    }
    for (Column c : columns) {
      switch (c.type().base()) {
        case INTEGER, BIGINT, DOUBLE, STRING, BYTES -> { }
        default -> problem = "The 'KAFKA' format does not support type '" + c.type().base() + "'";
      }
    }
    if (problem != null) {
      throw new KsqlException(isKey ? Format.keyFormatProblem(name(), columns, problem) : problem);
    }
  }

  @Override
  public Serde<List<Object>> serde(List<Column> columns, boolean isKey, FormatOptions options) {
    if (columns.isEmpty()) {
      return Serdes.serdeFrom((topic, v) -> null, (topic, bytes) -> new ArrayList<>());
    }
    SqlType type = columns.get(0).type();
    return Serdes.serdeFrom(
        (topic, values) -> values == null || values.get(0) == null ? null : write(type, values.get(0)),
        (topic, bytes) -> {
          if (bytes == null) {
            return isKey ? nullList() : null;
          }
          List<Object> out = new ArrayList<>(1);
          out.add(read(type, bytes));
          return out;
        });
  }

  private static List<Object> nullList() {
    List<Object> out = new ArrayList<>(1);
    out.add(null);
    return out;
  }

  private static byte[] write(SqlType type, Object v) {
    return switch (type.base()) {
      case INTEGER -> ByteBuffer.allocate(4).putInt((Integer) v).array();
      case BIGINT -> ByteBuffer.allocate(8).putLong((Long) v).array();
      case DOUBLE -> ByteBuffer.allocate(8).putDouble((Double) v).array();
      case STRING -> ((String) v).getBytes(StandardCharsets.UTF_8);
      case BYTES -> io.rtdp.ksql.engine.expression.Casts.bytes((ByteBuffer) v);
      default -> throw new SerializationException("KAFKA format cannot write " + type);
    };
  }

  private static Object read(SqlType type, byte[] bytes) {
    int expected = switch (type.base()) {
      case INTEGER -> 4;
      case BIGINT, DOUBLE -> 8;
      default -> -1;
    };
    if (expected > 0 && bytes.length != expected) {
      throw new SerializationException("Size of data received by the KAFKA " + type + " deserializer is not "
          + expected + ": " + bytes.length);
    }
    return switch (type.base()) {
      case INTEGER -> ByteBuffer.wrap(bytes).getInt();
      case BIGINT -> ByteBuffer.wrap(bytes).getLong();
      case DOUBLE -> ByteBuffer.wrap(bytes).getDouble();
      case STRING -> new String(bytes, StandardCharsets.UTF_8);
      default -> ByteBuffer.wrap(bytes);
    };
  }

  @Override
  public boolean supportsWrapping() {
    return false;
  }

  @Override
  public boolean supportsUnwrapping() {
    return true;
  }
}
