package io.rtdp.ksql.server.rest;

import io.rtdp.ksql.engine.schema.Column;
import io.rtdp.ksql.engine.schema.SqlType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Columns and types as DESCRIBE renders them: {@code {"name", "schema": {"type", "fields", "memberSchema"}, "type"}}. */
final class SchemaJson {
  private SchemaJson() {
  }

  static Map<String, Object> field(Column c) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("name", c.name());
    f.put("schema", schema(c.type()));
    if (c.namespace() == Column.Namespace.KEY) {
      f.put("type", "KEY");
    } else if (c.namespace() == Column.Namespace.HEADERS) {
      f.put("type", "HEADER");
    }
    return f;
  }

  static Map<String, Object> schema(SqlType type) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("type", type.base().name());
    List<Map<String, Object>> fields = null;
    if (type instanceof SqlType.Struct struct) {
      fields = new ArrayList<>();
      for (SqlType.Field f : struct.fields()) {
        Map<String, Object> field = new LinkedHashMap<>();
        field.put("name", f.name());
        field.put("schema", schema(f.type()));
        fields.add(field);
      }
    }
    s.put("fields", fields);
    Object member = null;
    if (type instanceof SqlType.Array a) {
      member = schema(a.element());
    } else if (type instanceof SqlType.MapType m) {
      member = schema(m.value());
    }
    s.put("memberSchema", member);
    if (type instanceof SqlType.Decimal d) {
      s.put("parameters", Map.of("precision", d.precision(), "scale", d.scale()));
    }
    return s;
  }
}
