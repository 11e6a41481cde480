package io.rtdp.ksql.engine.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import io.rtdp.ksql.engine.expression.Temporals;
import io.rtdp.ksql.engine.schema.KsqlStruct;
import io.rtdp.ksql.engine.schema.SqlType;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.sql.Date;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Engine values as ksqlDB's REST API writes them in rows (SPEC §4.4): DECIMAL as a plain number,
 * BYTES in base64, TIMESTAMP/DATE/TIME as ISO text in UTC, STRUCT as an object of its declared
 * fields, ARRAY and MAP element by element.
 */
public final class RestValues {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private RestValues() {}

  /** The row's columns as a JSON array. */
  public static ArrayNode row(ResultRow row, List<ResultColumn> columns) {
    ArrayNode out = NODES.arrayNode(columns.size());
    for (int i = 0; i < columns.size(); i++) {
      out.add(toJson(row.columns().get(i), columns.get(i).type()));
    }
    return out;
  }

  public static JsonNode toJson(Object value, SqlType type) {
    if (value == null) {
      return NODES.nullNode();
    }
    return switch (type.base()) {
      case BOOLEAN -> NODES.booleanNode((Boolean) value);
      case INTEGER -> NODES.numberNode(((Number) value).intValue());
      case BIGINT -> NODES.numberNode(((Number) value).longValue());
      case DOUBLE -> NODES.numberNode(((Number) value).doubleValue());
      case DECIMAL -> decimal((BigDecimal) value);
      case STRING -> NODES.textNode(value.toString());
      case BYTES -> NODES.textNode(Base64.getEncoder().encodeToString(bytes((ByteBuffer) value)));
      case TIMESTAMP -> NODES.textNode(Temporals.format((Timestamp) value));
      case DATE -> NODES.textNode(Temporals.format((Date) value));
      case TIME -> NODES.textNode(Temporals.format((Time) value));
      case ARRAY -> array((List<?>) value, ((SqlType.Array) type).element());
      case MAP -> map((Map<?, ?>) value, ((SqlType.MapType) type).value());
      case STRUCT -> struct((KsqlStruct) value, (SqlType.Struct) type);
    };
  }

  private static ArrayNode array(List<?> values, SqlType element) {
    ArrayNode out = NODES.arrayNode(values.size());
    values.forEach(v -> out.add(toJson(v, element)));
    return out;
  }

  private static ObjectNode map(Map<?, ?> values, SqlType valueType) {
    ObjectNode out = NODES.objectNode();
    values.forEach((k, v) -> out.set(String.valueOf(k), toJson(v, valueType)));
    return out;
  }

  private static ObjectNode struct(KsqlStruct value, SqlType.Struct type) {
    ObjectNode out = NODES.objectNode();
    for (SqlType.Field f : type.fields()) {
      out.set(f.name(), toJson(value.get(f.name()), f.type()));
    }
    return out;
  }

  /**
   * Exactly as the value is scaled (10.50 stays 10.50), never in exponent notation, whatever the
   * writer's settings.
   */
  private static JsonNode decimal(BigDecimal v) {
    String plain = v.toPlainString();
    return plain.equals(v.toString()) ? DecimalNode.valueOf(v) : NODES.rawValueNode(new RawValue(plain));
  }

  private static byte[] bytes(ByteBuffer b) {
    ByteBuffer copy = b.duplicate();
    byte[] out = new byte[copy.remaining()];
    copy.get(out);
    return out;
  }
}
