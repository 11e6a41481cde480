package io.rtdp.ksql.server.rqtt;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * RQTT's comparison of an expected JSON fragment with an actual response (QTT README §3): objects
 * match on the listed fields only, arrays element by element, numbers by value; a key suffixed
 * {@code |starts_with} compares strings by prefix; {@code {STATEMENT}} stands for the statement.
 * Returns null on a match, else what differs.
 */
final class JsonMatch {
  private final String statement;

  JsonMatch(String statement) {
    this.statement = statement;
  }

  String partial(JsonNode expected, JsonNode actual, String path) {
    if (expected == null || expected.isNull()) {
      return actual == null || actual.isNull() ? null : path + ": expected null, got " + actual;
    }
    if (actual == null || actual.isMissingNode()) {
      return path + ": missing, expected " + expected;
    }
    if (expected.isObject()) {
      if (!actual.isObject()) {
        return path + ": expected an object " + expected + ", got " + actual;
      }
      Iterator<Map.Entry<String, JsonNode>> fields = expected.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> f = fields.next();
        String key = f.getKey();
        if (key.endsWith("|starts_with")) {
          String name = key.substring(0, key.length() - "|starts_with".length());
          String want = text(f.getValue().asText());
          if (!actual.path(name).isTextual() || !actual.get(name).asText().startsWith(want)) {
            return path + "." + name + ": expected to start with '" + want + "', got " + actual.get(name);
          }
          continue;
        }
        String diff = partial(f.getValue(), actual.get(key), path + "." + key);
        if (diff != null) {
          return diff;
        }
      }
      return null;
    }
    if (expected.isArray()) {
      if (!actual.isArray() || actual.size() != expected.size()) {
        return path + ": expected " + expected + ", got " + actual;
      }
      for (int i = 0; i < expected.size(); i++) {
        String diff = partial(expected.get(i), actual.get(i), path + "[" + i + "]");
        if (diff != null) {
          return diff;
        }
      }
      return null;
    }
    if (expected.isNumber()) {
      if (!actual.isNumber() || !sameNumber(expected.decimalValue(), actual.decimalValue())) {
        return path + ": expected " + expected + ", got " + actual;
      }
      return null;
    }
    if (expected.isTextual()) {
      return actual.isTextual() && actual.asText().equals(text(expected.asText())) ? null
          : path + ": expected " + expected + ", got " + actual;
    }
    return expected.equals(actual) ? null : path + ": expected " + expected + ", got " + actual;
  }

  /** Expected rows against actual rows in any order: each expected one matches a different actual one. */
  String multiset(List<JsonNode> expected, List<JsonNode> actual, String path) {
    List<JsonNode> left = new ArrayList<>(actual);
    for (JsonNode e : expected) {
      JsonNode found = null;
      for (JsonNode a : left) {
        if (partial(e, a, path) == null) {
          found = a;
          break;
        }
      }
      if (found == null) {
        return path + ": no row matches " + e + " among " + actual;
      }
      left.remove(found);
    }
    return null;
  }

  private String text(String expected) {
    return statement == null ? expected : expected.replace("{STATEMENT}", statement);
  }

  private static boolean sameNumber(BigDecimal a, BigDecimal b) {
    if (a.compareTo(b) == 0) {
      return true;
    }
    return a.subtract(b).abs().compareTo(new BigDecimal("0.000001")) <= 0 && (a.scale() > 0 || b.scale() > 0);
  }
}
