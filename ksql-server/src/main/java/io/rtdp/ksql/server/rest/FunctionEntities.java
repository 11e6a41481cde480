package io.rtdp.ksql.server.rest;

import io.rtdp.ksql.engine.KsqlEngine;
import io.rtdp.ksql.engine.function.FunctionDescription;
import io.rtdp.ksql.engine.function.FunctionSummary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code function_names} (SHOW FUNCTIONS) and {@code describe_function} (DESCRIBE FUNCTION) of SPEC §4.6. */
final class FunctionEntities {
  private FunctionEntities() {
  }

  static Map<String, Object> list(KsqlEngine engine, String statementText) {
    List<Map<String, Object>> functions = new ArrayList<>();
    for (FunctionSummary f : engine.listFunctions()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("name", f.name());
      entry.put("type", f.type());
      entry.put("category", f.category());
      functions.add(entry);
    }
    Map<String, Object> entity = Entities.entity("function_names", statementText);
    entity.put("functions", functions);
    return Entities.withWarnings(entity);
  }

  static Map<String, Object> describe(KsqlEngine engine, String statementText, String name) {
    FunctionDescription d = engine.describeFunction(name);
    Map<String, Object> entity = Entities.entity("describe_function", statementText);
    entity.put("name", d.name());
    entity.put("description", d.description());
    entity.put("author", d.author());
    entity.put("version", d.version());
    entity.put("path", d.path());
    entity.put("functions", d.functions().stream().map(FunctionEntities::overload).toList());
    entity.put("type", d.type());
    return Entities.withWarnings(entity);
  }

  private static Map<String, Object> overload(FunctionDescription.Overload o) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("arguments", o.arguments().stream().map(FunctionEntities::argument).toList());
    m.put("returnType", o.returnType());
    m.put("description", o.description());
    m.put("argumentTypes", o.argumentTypes());
    return m;
  }

  private static Map<String, Object> argument(FunctionDescription.Argument a) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", a.name());
    m.put("type", a.type());
    m.put("description", a.description());
    m.put("isVariadic", a.isVariadic());
    return m;
  }
}
