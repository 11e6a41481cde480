package io.rtdp.ksql.engine.serde;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rtdp.ksql.engine.expression.Casts;
import io.rtdp.ksql.engine.expression.Temporals;
import io.rtdp.ksql.engine.schema.KsqlStruct;
import io.rtdp.ksql.engine.schema.SqlType;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;

/** Lenient conversion between JSON trees and engine values of a SQL type (SPEC §2.4 JSON). */
public final class JsonValues {
  private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

  private JsonValues() {}

  public static Object fromJson(JsonNode node, SqlType type) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    switch (type.base()) {
      case BOOLEAN:
        if (node.isBoolean()) {
          return node.booleanValue();
        }
        if (node.isTextual()) {
          return Boolean.parseBoolean(node.textValue().trim());
        }
        throw mismatch(node, type);
      case INTEGER:
        return node.isNumber() ? (Object) node.intValue() : (Object) Integer.parseInt(text(node, type));
      case BIGINT:
        return node.isNumber() ? (Object) node.longValue() : (Object) Long.parseLong(text(node, type));
      case DOUBLE:
        return node.isNumber() ? (Object) node.doubleValue() : (Object) Double.parseDouble(text(node, type));
      case DECIMAL:
        return Casts.decimal(node.isNumber() ? node.decimalValue() : text(node, type), (SqlType.Decimal) type);
      case STRING:
        return node.isTextual() ? node.textValue() : node.isValueNode() ? node.asText() : node.toString();
      case BYTES:
        return ByteBuffer.wrap(Base64.getDecoder().decode(text(node, type)));
      case DATE:
        return Temporals.date(node.isNumber() ? node.longValue() : Long.parseLong(text(node, type)));
      case TIME:
        return new java.sql.Time(node.isNumber() ? node.longValue() : Long.parseLong(text(node, type)));
      case TIMESTAMP:
        return new java.sql.Timestamp(node.isNumber() ? node.longValue() : Long.parseLong(text(node, type)));
      case ARRAY: {
        if (!node.isArray()) {
          throw mismatch(node, type);
        }
        SqlType element = ((SqlType.Array) type).element();
        List<Object> out = new ArrayList<>(node.size());
        node.forEach(n -> out.add(fromJson(n, element)));
        return out;
      }
      case MAP: {
        if (!node.isObject()) {
          throw mismatch(node, type);
        }
        SqlType.MapType m = (SqlType.MapType) type;
        Map<Object, Object> out = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
          Map.Entry<String, JsonNode> e = fields.next();
          out.put(fromJson(NODES.textNode(e.getKey()), m.key()), fromJson(e.getValue(), m.value()));
        }
        return out;
      }
      case STRUCT: {
        if (!node.isObject()) {
          throw mismatch(node, type);
        }
        SqlType.Struct s = (SqlType.Struct) type;
        Object[] values = new Object[s.fields().size()];
        for (int i = 0; i < values.length; i++) {
          SqlType.Field f = s.fields().get(i);
          values[i] = fromJson(field(node, f.name()), f.type());
        }
        return new KsqlStruct(s, values);
      }
      default:
        throw mismatch(node, type);
    }
  }

  /** Exact name first, then the first case-insensitive match, as ksqlDB reads JSON objects. */
  static JsonNode field(JsonNode object, String name) {
    JsonNode exact = object.get(name);
    if (exact != null) {
      return exact;
    }
    Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> e = fields.next();
      if (e.getKey().equalsIgnoreCase(name)) {
        return e.getValue();
      }
    }
    return null;
  }

  private static String text(JsonNode node, SqlType type) {
    if (!node.isValueNode()) {
      throw mismatch(node, type);
    }
    return node.asText().trim();
  }

  private static SerializationException mismatch(JsonNode node, SqlType type) {
    return new SerializationException("Can't convert type. sourceType: " + node.getNodeType()
        + ", requiredType: " + type + ", value: " + node);
  }

  public static JsonNode toJson(Object v) {
    if (v == null) {
      return NODES.nullNode();
    }
    if (v instanceof Boolean b) {
      return NODES.booleanNode(b);
    }
    if (v instanceof Integer i) {
      return NODES.numberNode(i);
    }
    if (v instanceof Long l) {
      return NODES.numberNode(l);
    }
    if (v instanceof Double d) {
      return NODES.numberNode(d);
    }
    if (v instanceof BigDecimal d) {
      return NODES.numberNode(d);
    }
    if (v instanceof String s) {
      return NODES.textNode(s);
    }
    if (v instanceof ByteBuffer b) {
      return NODES.textNode(Base64.getEncoder().encodeToString(Casts.bytes(b)));
    }
    if (v instanceof java.sql.Date d) {
      return NODES.numberNode(Temporals.epochDays(d));
    }
    if (v instanceof java.util.Date d) {
      return NODES.numberNode(d.getTime());
    }
    if (v instanceof List<?> list) {
      ArrayNode a = NODES.arrayNode();
      list.forEach(o -> a.add(toJson(o)));
      return a;
    }
    if (v instanceof Map<?, ?> map) {
      ObjectNode o = NODES.objectNode();
      map.forEach((k, x) -> o.set(String.valueOf(k), toJson(x)));
      return o;
    }
    if (v instanceof KsqlStruct s) {
      ObjectNode o = NODES.objectNode();
      for (int i = 0; i < s.schema().fields().size(); i++) {
        o.set(s.schema().fields().get(i).name(), toJson(s.get(i)));
      }
      return o;
    }
    throw new SerializationException("Cannot write " + v.getClass().getName() + " as JSON");
  }

  public static ObjectNode object() {
    return NODES.objectNode();
  }
}
