package io.rtdp.ksql.engine.schema;

import java.util.List;
import java.util.stream.Collectors;

/** A SQL type of SPEC §2.2; {@code toString} renders it as ksqlDB does in schema strings. */
public sealed interface SqlType {
  SqlType BOOLEAN = new Primitive(SqlBaseType.BOOLEAN);
  SqlType INTEGER = new Primitive(SqlBaseType.INTEGER);
  SqlType BIGINT = new Primitive(SqlBaseType.BIGINT);
  SqlType DOUBLE = new Primitive(SqlBaseType.DOUBLE);
  SqlType STRING = new Primitive(SqlBaseType.STRING);
  SqlType BYTES = new Primitive(SqlBaseType.BYTES);
  SqlType DATE = new Primitive(SqlBaseType.DATE);
  SqlType TIME = new Primitive(SqlBaseType.TIME);
  SqlType TIMESTAMP = new Primitive(SqlBaseType.TIMESTAMP);

  SqlBaseType base();

  static SqlType decimal(int precision, int scale) {
    return new Decimal(precision, scale);
  }

  static SqlType array(SqlType element) {
    return new Array(element);
  }

  static SqlType map(SqlType key, SqlType value) {
    return new MapType(key, value);
  }

  record Primitive(SqlBaseType base) implements SqlType {
    @Override
    public String toString() {
      return base.name();
    }
  }

  record Decimal(int precision, int scale) implements SqlType {
    public Decimal {
      if (precision < 1) {
        throw new IllegalArgumentException("DECIMAL precision must be >= 1: DECIMAL(" + precision + ", " + scale + ")");
      }
      if (scale < 0 || scale > precision) {
        throw new IllegalArgumentException("DECIMAL scale must be between 0 and precision: DECIMAL(" + precision + ", " + scale + ")");
      }
    }

    @Override
    public SqlBaseType base() {
      return SqlBaseType.DECIMAL;
    }

    @Override
    public String toString() {
      return "DECIMAL(" + precision + ", " + scale + ")";
    }
  }

  record Array(SqlType element) implements SqlType {
    @Override
    public SqlBaseType base() {
      return SqlBaseType.ARRAY;
    }

    @Override
    public String toString() {
      return "ARRAY<" + element + ">";
    }
  }

  record MapType(SqlType key, SqlType value) implements SqlType {
    @Override
    public SqlBaseType base() {
      return SqlBaseType.MAP;
    }

    @Override
    public String toString() {
      return "MAP<" + key + ", " + value + ">";
    }
  }

  record Field(String name, SqlType type) {
    @Override
    public String toString() {
      return "`" + name + "` " + type;
    }
  }

  record Struct(List<Field> fields) implements SqlType {
    public Struct {
      fields = List.copyOf(fields);
    }

    @Override
    public SqlBaseType base() {
      return SqlBaseType.STRUCT;
    }

    public int indexOf(String name) {
      for (int i = 0; i < fields.size(); i++) {
        if (fields.get(i).name().equals(name)) {
          return i;
        }
      }
      return -1;
    }

    @Override
    public String toString() {
      return "STRUCT<" + fields.stream().map(Field::toString).collect(Collectors.joining(", ")) + ">";
    }
  }
}
