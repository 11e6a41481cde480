package io.rtdp.ksql.server.streaming;

import com.fasterxml.jackson.databind.JsonNode;
import io.rtdp.ksql.engine.KsqlException;
import io.rtdp.ksql.engine.metastore.DataSource;
import io.rtdp.ksql.engine.parser.Expression;
import io.rtdp.ksql.engine.parser.Pos;
import io.rtdp.ksql.engine.parser.Statement;
import io.rtdp.ksql.engine.schema.Column;
import io.rtdp.ksql.engine.schema.SqlBaseType;
import io.rtdp.ksql.engine.schema.SqlType;
import io.rtdp.ksql.engine.schema.SystemColumns;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One row of /inserts-stream (a JSON object of column values) as the INSERT VALUES statement the
 * engine executes: each JSON value becomes a literal (or constructor) of its column's type, so
 * rows are validated, coerced and serialized exactly as {@code INSERT INTO … VALUES} would.
 */
final class InsertRow {
  private InsertRow() {
  }

  static Statement.InsertValues of(DataSource target, JsonNode row) {
    if (!row.isObject()) {
      throw new KsqlException("Each row of an inserts stream must be a JSON object of column names to values");
    }
    List<String> columns = new ArrayList<>();
    List<Expression> values = new ArrayList<>();
    Iterator<Map.Entry<String, JsonNode>> fields = row.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> f = fields.next();
      Optional<Column> column = column(target, f.getKey());
      if (column.isPresent()) {
        columns.add(column.get().name());
        values.add(literal(f.getValue(), column.get().type()));
      } else if (f.getKey().equalsIgnoreCase(SystemColumns.ROWTIME)) {
        columns.add(SystemColumns.ROWTIME);
        values.add(literal(f.getValue(), SqlType.BIGINT));
      } else {
        throw new KsqlException("Column name `" + f.getKey() + "` does not exist.");
      }
    }
    return new Statement.InsertValues(Pos.NONE, target.name(), columns, values);
  }

  /** The column the JSON field names: exactly, else ignoring case (clients send names as the user typed them). */
  private static Optional<Column> column(DataSource target, String name) {
    Optional<Column> exact = target.schema().find(name);
    if (exact.isPresent()) {
      return exact;
    }
    return target.schema().columns().stream().filter(c -> c.name().equalsIgnoreCase(name)).findFirst();
  }

  private static Expression literal(JsonNode v, SqlType type) {
    if (v == null || v.isNull()) {
      return new Expression.NullLiteral(Pos.NONE);
    }
    if (v.isBoolean()) {
      return new Expression.BooleanLiteral(Pos.NONE, v.booleanValue());
    }
    if (v.isIntegralNumber()) {
      return v.canConvertToInt() ? new Expression.IntegerLiteral(Pos.NONE, v.intValue())
          : new Expression.BigintLiteral(Pos.NONE, v.longValue());
    }
    if (v.isNumber()) {
      return type.base() == SqlBaseType.DOUBLE ? new Expression.DoubleLiteral(Pos.NONE, v.doubleValue())
          : new Expression.DecimalLiteral(Pos.NONE, v.decimalValue());
    }
    if (v.isTextual()) {
      return new Expression.StringLiteral(Pos.NONE, v.textValue());
    }
    if (v.isArray() && type instanceof SqlType.Array a) {
      List<Expression> elements = new ArrayList<>();
      v.forEach(e -> elements.add(literal(e, a.element())));
      // The cast types an empty array, whose element type no element tells.
      return new Expression.Cast(Pos.NONE, new Expression.ArrayConstructor(Pos.NONE, elements), type);
    }
    if (v.isObject() && type instanceof SqlType.MapType m) {
      List<Expression.MapEntry> entries = new ArrayList<>();
      v.fields().forEachRemaining(e -> entries.add(new Expression.MapEntry(
          new Expression.StringLiteral(Pos.NONE, e.getKey()), literal(e.getValue(), m.value()))));
      return new Expression.Cast(Pos.NONE, new Expression.MapConstructor(Pos.NONE, entries), type);
    }
    if (v.isObject() && type instanceof SqlType.Struct s) {
      List<Expression.StructField> fields = new ArrayList<>();
      for (SqlType.Field f : s.fields()) {
        JsonNode value = v.has(f.name()) ? v.get(f.name()) : caseInsensitive(v, f.name());
        fields.add(new Expression.StructField(f.name(), literal(value, f.type())));
      }
      return new Expression.StructConstructor(Pos.NONE, fields);
    }
    throw new KsqlException("Cannot use " + v + " as a value of type " + type);
  }

  private static JsonNode caseInsensitive(JsonNode object, String name) {
    Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> f = fields.next();
      if (f.getKey().equalsIgnoreCase(name)) {
        return f.getValue();
      }
    }
    return null;
  }
}
