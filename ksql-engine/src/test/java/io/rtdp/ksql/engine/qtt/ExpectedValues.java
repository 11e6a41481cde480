package io.rtdp.ksql.engine.qtt;

import com.fasterxml.jackson.databind.JsonNode;
import io.rtdp.ksql.engine.expression.Temporals;
import io.rtdp.ksql.engine.schema.KsqlStruct;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** The QTT "expected record comparator" (qtt/README.md §1.1) between JSON and engine values. */
final class ExpectedValues {
  private ExpectedValues() {}

  static boolean matches(JsonNode expected, Object actual) {
    if (expected == null || expected.isNull()) {
      return actual == null;
    }
    if (actual == null) {
      return false;
    }
    if (expected.isObject()) {
      return matchesObject(expected, actual);
    }
    if (expected.isArray()) {
      if (!(actual instanceof List<?> list) || list.size() != expected.size()) {
        return false;
      }
      for (int i = 0; i < list.size(); i++) {
        if (!matches(expected.get(i), list.get(i))) {
          return false;
        }
      }
      return true;
    }
    if (expected.isBoolean()) {
      return actual instanceof Boolean b && b == expected.booleanValue();
    }
    if (expected.isIntegralNumber()) {
      return matchesIntegral(expected, actual);
    }
    if (expected.isNumber()) {
      BigDecimal e = expected.decimalValue();
      if (actual instanceof Double d) {
        return Math.abs(d - e.doubleValue()) < 1e-6;
      }
      return actual instanceof BigDecimal a && a.equals(e);
    }
    if (expected.isTextual()) {
      String e = expected.textValue();
      if (actual instanceof String s) {
        return s.equals(e);
      }
      if (actual instanceof BigDecimal d) {
        try {
          return new BigDecimal(e).equals(d);
        } catch (NumberFormatException ex) {
          return false;
        }
      }
      if (actual instanceof Double d) {
        // JSON has no NaN or infinities: ksqlDB's tests write them as strings.
        return Double.toString(d).equals(e);
      }
      if (actual instanceof ByteBuffer b) {
        return Base64.getEncoder().encodeToString(io.rtdp.ksql.engine.expression.Casts.bytes(b)).equals(e);
      }
      return false;
    }
    return false;
  }

  private static boolean matchesIntegral(JsonNode expected, Object actual) {
    long e = expected.longValue();
    if (actual instanceof Integer || actual instanceof Long) {
      return ((Number) actual).longValue() == e;
    }
    if (actual instanceof Double d) {
      return Math.abs(d - e) < 1e-6;
    }
    if (actual instanceof BigDecimal d) {
      return d.scale() == 0 && d.equals(expected.decimalValue().setScale(0));
    }
    if (actual instanceof java.sql.Date d) {
      return Temporals.epochDays(d) == e;
    }
    if (actual instanceof java.util.Date d) {
      return d.getTime() == e;
    }
    return false;
  }

  private static boolean matchesObject(JsonNode expected, Object actual) {
    Map<String, Object> fields = new java.util.LinkedHashMap<>();
    if (actual instanceof KsqlStruct s) {
      for (int i = 0; i < s.schema().fields().size(); i++) {
        fields.put(s.schema().fields().get(i).name(), s.get(i));
      }
    } else if (actual instanceof Map<?, ?> m) {
      m.forEach((k, v) -> fields.put(String.valueOf(k), v));
    } else {
      return false;
    }
    if (fields.size() != expected.size()) {
      return false;
    }
    Iterator<Map.Entry<String, JsonNode>> it = expected.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      String name = fields.containsKey(e.getKey()) ? e.getKey() : e.getKey().toUpperCase(java.util.Locale.ROOT);
      if (!fields.containsKey(name) || !matches(e.getValue(), fields.get(name))) {
        return false;
      }
    }
    return true;
  }
}
