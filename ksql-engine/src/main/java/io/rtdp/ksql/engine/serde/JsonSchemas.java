package io.rtdp.ksql.engine.serde;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rtdp.ksql.engine.KsqlException;
import io.rtdp.ksql.engine.schema.Column;
import io.rtdp.ksql.engine.schema.SqlType;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * SQL types ⇄ JSON Schema in the dialect of Confluent's JSON Schema converter, which ksqlDB's JSON_SR
 * uses: optional values as {@code oneOf [null, T]}, Connect's {@code connect.type} for integer widths
 * and bytes, {@code title} naming Connect's logical types (Decimal, Date, Time, Timestamp).
 */
final class JsonSchemas {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String CONNECT = "org.apache.kafka.connect.data.";

  private JsonSchemas() {}

  /** The schema the columns are written with: an object of optional properties, or the single bare column. */
  static JsonNode generate(List<Column> columns, boolean unwrapped, boolean isKey) {
    if (unwrapped) {
      JsonNode single = schema(columns.get(0).type());
      return isKey ? single : optional(single);
    }
    return object(columns.stream().map(c -> new SqlType.Field(c.name(), c.type())).toList());
  }

  private static JsonNode schema(SqlType type) {
    ObjectNode s = NODES.objectNode();
    switch (type.base()) {
      case BOOLEAN -> s.put("type", "boolean");
      case INTEGER -> s.put("type", "integer").put("connect.type", "int32");
      case BIGINT -> s.put("type", "integer").put("connect.type", "int64");
      case DOUBLE -> s.put("type", "number").put("connect.type", "float64");
      case STRING -> s.put("type", "string");
      case BYTES -> s.put("type", "string").put("connect.type", "bytes");
      case DECIMAL -> {
        SqlType.Decimal d = (SqlType.Decimal) type;
        s.put("type", "number").put("title", CONNECT + "Decimal").put("connect.version", 1).put("connect.type", "bytes");
        s.putObject("connect.parameters").put("scale", String.valueOf(d.scale()))
            .put("connect.decimal.precision", String.valueOf(d.precision()));
      }
      case DATE -> s.put("type", "integer").put("title", CONNECT + "Date").put("connect.version", 1)
          .put("connect.type", "int32");
      case TIME -> s.put("type", "integer").put("title", CONNECT + "Time").put("connect.version", 1)
          .put("connect.type", "int32");
      case TIMESTAMP -> s.put("type", "integer").put("title", CONNECT + "Timestamp").put("connect.version", 1)
          .put("connect.type", "int64");
      case ARRAY -> s.put("type", "array").set("items", optional(schema(((SqlType.Array) type).element())));
      case MAP -> s.put("type", "object").put("connect.type", "map")
          .set("additionalProperties", optional(schema(((SqlType.MapType) type).value())));
      case STRUCT -> {
        return object(((SqlType.Struct) type).fields());
      }
    }
    return s;
  }

  private static ObjectNode object(List<SqlType.Field> fields) {
    ObjectNode s = NODES.objectNode().put("type", "object");
    ObjectNode properties = s.putObject("properties");
    for (int i = 0; i < fields.size(); i++) {
      ObjectNode property = NODES.objectNode().put("connect.index", i);
      property.setAll((ObjectNode) optional(schema(fields.get(i).type())));
      properties.set(fields.get(i).name(), property);
    }
    return s;
  }

  private static JsonNode optional(JsonNode s) {
    ObjectNode union = NODES.objectNode();
    ArrayNode oneOf = union.putArray("oneOf");
    oneOf.addObject().put("type", "null");
    oneOf.add(s);
    return union;
  }

  /** The SQL type of data written with this schema (schema inference; property names upper-cased). */
  static SqlType toSqlType(JsonNode s) {
    for (String union : new String[] {"oneOf", "anyOf"}) {
      if (s.has(union)) {
        List<JsonNode> branches = new ArrayList<>();
        s.get(union).forEach(b -> {
          if (!"null".equals(b.path("type").asText())) {
            branches.add(b);
          }
        });
        if (branches.size() != 1) {
          throw new KsqlException("Unsupported JSON schema union " + s + ": only a null and one type map to a SQL type");
        }
        return toSqlType(branches.get(0));
      }
    }
    String type = typeOf(s);
    String title = s.path("title").asText("");
    String connectType = s.path("connect.type").asText("");
    return switch (type) {
      case "boolean" -> SqlType.BOOLEAN;
      case "integer" -> switch (title) {
        case CONNECT + "Date" -> SqlType.DATE;
        case CONNECT + "Time" -> SqlType.TIME;
        case CONNECT + "Timestamp" -> SqlType.TIMESTAMP;
        default -> connectType.equals("int8") || connectType.equals("int16") || connectType.equals("int32")
            ? SqlType.INTEGER : SqlType.BIGINT;
      };
      case "number" -> {
        if (title.equals(CONNECT + "Decimal")) {
          JsonNode p = s.path("connect.parameters");
          yield SqlType.decimal(p.path("connect.decimal.precision").asInt(AvroSchemas.DEFAULT_DECIMAL_PRECISION),
              p.path("scale").asInt(0));
        }
        yield SqlType.DOUBLE;
      }
      case "string" -> connectType.equals("bytes") ? SqlType.BYTES : SqlType.STRING;
      case "array" -> SqlType.array(toSqlType(s.path("items")));
      case "object" -> {
        if (s.has("properties")) {
          List<SqlType.Field> fields = new ArrayList<>();
          Iterator<Map.Entry<String, JsonNode>> it = s.get("properties").fields();
          while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            fields.add(new SqlType.Field(e.getKey().toUpperCase(Locale.ROOT), toSqlType(e.getValue())));
          }
          yield new SqlType.Struct(fields);
        }
        JsonNode values = s.get("additionalProperties");
        if (values == null || !values.isObject()) {
          throw new KsqlException("A JSON schema object needs properties or additionalProperties to map to a SQL type");
        }
        yield SqlType.map(SqlType.STRING, toSqlType(values));
      }
      default -> throw new KsqlException("Unsupported JSON schema type '" + type + "' in " + s);
    };
  }

  /** The type keyword, also from a list such as {@code ["null", "string"]}. */
  private static String typeOf(JsonNode s) {
    JsonNode type = s.path("type");
    if (type.isArray()) {
      for (JsonNode t : type) {
        if (!t.asText().equals("null")) {
          return t.asText();
        }
      }
    }
    return type.asText("");
  }
}
