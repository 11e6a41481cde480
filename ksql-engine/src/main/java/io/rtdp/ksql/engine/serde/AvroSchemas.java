package io.rtdp.ksql.engine.serde;

import io.rtdp.ksql.engine.KsqlException;
import io.rtdp.ksql.engine.schema.Column;
import io.rtdp.ksql.engine.schema.SqlBaseType;
import io.rtdp.ksql.engine.schema.SqlType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

/**
 * SQL types ⇄ Avro schemas as ksqlDB maps them (SPEC §2.4): generated fields are optional unions
 * with a null default, nested records are named after their parent and field, and inferred column
 * and field names are upper-cased.
 */
public final class AvroSchemas {
  public static final String NAMESPACE = "io.confluent.ksql.avro_schemas";
  public static final String DEFAULT_VALUE_NAME = NAMESPACE + ".KsqlDataSourceSchema";
  /** Precision of a decimal whose schema does not give one, as Connect's Avro converter assumes. */
  static final int DEFAULT_DECIMAL_PRECISION = 64;
  private static final Schema NULL = Schema.create(Schema.Type.NULL);

  private AvroSchemas() {}

  /** ksqlDB's key record name: the source name in upper camel case + {@code Key} (LEFT_TABLE → LeftTableKey). */
  public static String defaultKeyName(String sourceName) {
    StringBuilder camel = new StringBuilder();
    for (String part : sourceName.split("_")) {
      if (!part.isEmpty()) {
        camel.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1).toLowerCase(Locale.ROOT));
      }
    }
    return NAMESPACE + "." + camel + "Key";
  }

  /**
   * The schema written for these columns: a record of optional fields, or, unwrapped, the single
   * column's schema (optional for values; keys are never null on the wire).
   */
  public static Schema generate(List<Column> columns, boolean unwrapped, boolean isKey, String fullName) {
    try {
      if (unwrapped) {
        Schema single = toAvro(columns.get(0).type(), fullName);
        return isKey ? single : optional(single);
      }
      List<SqlType.Field> fields = columns.stream().map(c -> new SqlType.Field(c.name(), c.type())).toList();
      return record(fullName, fields);
    } catch (SchemaParseException e) {
      throw new KsqlException("Schema is not compatible with Avro: " + e.getMessage(), e);
    }
  }

  private static Schema toAvro(SqlType type, String recordName) {
    return switch (type.base()) {
      case BOOLEAN -> Schema.create(Schema.Type.BOOLEAN);
      case INTEGER -> Schema.create(Schema.Type.INT);
      case BIGINT -> Schema.create(Schema.Type.LONG);
      case DOUBLE -> Schema.create(Schema.Type.DOUBLE);
      case STRING -> Schema.create(Schema.Type.STRING);
      case BYTES -> Schema.create(Schema.Type.BYTES);
      case DECIMAL -> {
        SqlType.Decimal d = (SqlType.Decimal) type;
        yield LogicalTypes.decimal(d.precision(), d.scale()).addToSchema(Schema.create(Schema.Type.BYTES));
      }
      case DATE -> LogicalTypes.date().addToSchema(Schema.create(Schema.Type.INT));
      case TIME -> LogicalTypes.timeMillis().addToSchema(Schema.create(Schema.Type.INT));
      case TIMESTAMP -> LogicalTypes.timestampMillis().addToSchema(Schema.create(Schema.Type.LONG));
      case ARRAY -> Schema.createArray(optional(toAvro(((SqlType.Array) type).element(), recordName)));
      case MAP -> {
        SqlType.MapType m = (SqlType.MapType) type;
        if (m.key().base() != SqlBaseType.STRING) {
          throw new KsqlException("Avro only supports MAPs with STRING keys");
        }
        yield Schema.createMap(optional(toAvro(m.value(), recordName)));
      }
      case STRUCT -> record(recordName, ((SqlType.Struct) type).fields());
    };
  }

  private static Schema record(String fullName, List<SqlType.Field> fields) {
    int dot = fullName.lastIndexOf('.');
    Schema record = Schema.createRecord(fullName.substring(dot + 1), null, dot < 0 ? null : fullName.substring(0, dot),
        false);
    List<Schema.Field> avroFields = new ArrayList<>();
    for (SqlType.Field f : fields) {
      avroFields.add(new Schema.Field(f.name(), optional(toAvro(f.type(), fullName + "_" + f.name())), null,
          Schema.Field.NULL_DEFAULT_VALUE));
    }
    record.setFields(avroFields);
    // Confluent's Connect converter names records so; consumers using it get the same Connect schema.
    record.addProp("connect.name", fullName);
    return record;
  }

  private static Schema optional(Schema s) {
    return Schema.createUnion(NULL, s);
  }

  /** The SQL type of data written with this schema (schema inference; field names upper-cased). */
  public static SqlType toSqlType(Schema s) {
    return switch (s.getType()) {
      case UNION -> {
        List<Schema> branches = s.getTypes().stream().filter(b -> b.getType() != Schema.Type.NULL).toList();
        if (branches.size() != 1) {
          throw new KsqlException("Unsupported Avro union " + s + ": only unions of null and one type map to a "
              + "SQL type");
        }
        yield toSqlType(branches.get(0));
      }
      case BOOLEAN -> SqlType.BOOLEAN;
      case INT -> {
        String logical = logicalType(s);
        yield "date".equals(logical) ? SqlType.DATE : "time-millis".equals(logical) ? SqlType.TIME : SqlType.INTEGER;
      }
      case LONG -> "timestamp-millis".equals(logicalType(s)) ? SqlType.TIMESTAMP : SqlType.BIGINT;
      case FLOAT, DOUBLE -> SqlType.DOUBLE;
      case BYTES, FIXED -> "decimal".equals(logicalType(s))
          ? SqlType.decimal(intProp(s, "precision", DEFAULT_DECIMAL_PRECISION), intProp(s, "scale", 0))
          : SqlType.BYTES;
      case STRING, ENUM -> SqlType.STRING;
      case ARRAY -> SqlType.array(toSqlType(s.getElementType()));
      case MAP -> SqlType.map(SqlType.STRING, toSqlType(s.getValueType()));
      case RECORD -> new SqlType.Struct(s.getFields().stream()
          .map(f -> new SqlType.Field(f.name().toUpperCase(Locale.ROOT), toSqlType(f.schema()))).toList());
      case NULL -> throw new KsqlException("The Avro type null has no SQL type");
    };
  }

  /** The logical type named in the schema, also when Avro found it invalid (a decimal without precision). */
  static String logicalType(Schema s) {
    return s.getLogicalType() != null ? s.getLogicalType().getName() : s.getProp("logicalType");
  }

  static int intProp(Schema s, String name, int defaultValue) {
    Object v = s.getObjectProp(name);
    return v instanceof Number n ? n.intValue() : defaultValue;
  }
}
