package io.rtdp.ksql.server.streaming;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The error objects of SPEC §4.8, as written inside streams and as whole responses. */
final class ErrorBodies {
  private ErrorBodies() {
  }

  static Map<String, Object> generic(int code, String message) {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("@type", "generic_error");
    e.put("error_code", code);
    e.put("message", message);
    return e;
  }

  static Map<String, Object> statement(String message, String statementText) {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("@type", "statement_error");
    e.put("error_code", 40001);
    e.put("message", message);
    e.put("statementText", statementText);
    e.put("entities", List.of());
    return e;
  }
}
