package io.rtdp.ksql.server.rest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The common frame of /ksql entities: {@code @type} first, {@code statementText}, ..., {@code warnings}. */
final class Entities {
  private Entities() {
  }

  static Map<String, Object> entity(String type, String statementText) {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("@type", type);
    e.put("statementText", statementText);
    return e;
  }

  static Map<String, Object> withWarnings(Map<String, Object> entity) {
    entity.put("warnings", List.of());
    return entity;
  }
}
