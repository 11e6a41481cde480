package io.rtdp.ksql.engine.expression;

import io.rtdp.ksql.engine.KsqlException;
import io.rtdp.ksql.engine.parser.Expression;
import io.rtdp.ksql.engine.parser.Expression.Comparison;
import io.rtdp.ksql.engine.parser.Expression.ComparisonOp;
import io.rtdp.ksql.engine.schema.SqlBaseType;
import io.rtdp.ksql.engine.schema.SqlType;
import io.rtdp.ksql.engine.schema.SystemColumns;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.function.UnaryOperator;

/** Typing and evaluation of comparisons; a NULL operand makes any comparison false (SPEC §2.3). */
final class Comparisons {
  private Comparisons() {}

  /** Compares two non-null values: negative, zero or positive. */
  private interface Order {
    int compare(Object a, Object b);
  }

  static Compiled compile(Comparison c, Compiled l, Compiled r) {
    if (l.type() == null || r.type() == null) {
      throw new KsqlException("Comparison with NULL not supported: " + (l.type() == null ? "NULL" : l.type())
          + " " + c.op().symbol + " " + (r.type() == null ? "NULL" : r.type()));
    }
    Evaluator le = l.evaluator();
    Evaluator re = r.evaluator();
    SqlType lt = l.type();
    SqlType rt = r.type();
    // A string compared with a temporal value is read as an ISO-8601 value of that type.
    if (lt.base().isTemporal() && rt.base() == SqlBaseType.STRING) {
      re = converted(re, Casts.converter(rt, lt));
      rt = lt;
    } else if (rt.base().isTemporal() && lt.base() == SqlBaseType.STRING) {
      le = converted(le, Casts.converter(lt, rt));
      lt = rt;
    }
    // ROWTIME and the window bounds compare with ISO-8601 text as epoch milliseconds (SPEC §2.5).
    if (isTimeColumn(l.source()) && r.constant() && rt.base() == SqlBaseType.STRING) {
      Object millis = epochMillis(re.eval(new Object[0]));
      re = row -> millis;
      rt = SqlType.BIGINT;
    } else if (isTimeColumn(r.source()) && l.constant() && lt.base() == SqlBaseType.STRING) {
      Object millis = epochMillis(le.eval(new Object[0]));
      le = row -> millis;
      lt = SqlType.BIGINT;
    }
    // A string literal compared with a number or boolean is read as a literal of that type.
    try {
      if (r.constant() && rt.base() == SqlBaseType.STRING
          && (lt.base().isNumber() || lt.base() == SqlBaseType.BOOLEAN)) {
        Object v = literalAs(re.eval(new Object[0]), lt);
        re = row -> v;
        rt = typeOfLiteral(v);
      } else if (l.constant() && lt.base() == SqlBaseType.STRING
          && (rt.base().isNumber() || rt.base() == SqlBaseType.BOOLEAN)) {
        Object v = literalAs(le.eval(new Object[0]), rt);
        le = row -> v;
        lt = typeOfLiteral(v);
      }
    } catch (KsqlException notALiteralOfThatType) {
      throw mismatch(c, l.type(), r.type(), l.source(), r.source());
    }
    Order order = order(c, lt, rt, l.source(), r.source());
    Evaluator lf = le;
    Evaluator rf = re;
    ComparisonOp op = c.op();
    return new Compiled(c, SqlType.BOOLEAN, row -> {
      Object a = lf.eval(row);
      Object b = rf.eval(row);
      if (a == null || b == null) {
        return false;
      }
      int cmp = order.compare(a, b);
      return switch (op) {
        case EQUAL -> cmp == 0;
        case NOT_EQUAL -> cmp != 0;
        case LESS_THAN -> cmp < 0;
        case LESS_THAN_OR_EQUAL -> cmp <= 0;
        case GREATER_THAN -> cmp > 0;
        case GREATER_THAN_OR_EQUAL -> cmp >= 0;
      };
    }, false);
  }

  /** Equality test used by IN, CASE x WHEN, IS DISTINCT FROM. */
  static Evaluator equality(Expression source, Compiled l, Compiled r) {
    return compile(new Comparison(source.pos(), ComparisonOp.EQUAL, l.source(), r.source()), l, r).evaluator();
  }

  /** A string literal read as a number or boolean; fails with ksqlDB's "invalid input syntax" message. */
  static Object literalAs(Object text, SqlType target) {
    if (text == null) {
      return null;
    }
    String t = ((String) text).trim();
    if (target.base() == SqlBaseType.BOOLEAN) {
      if (t.equalsIgnoreCase("true") || t.equalsIgnoreCase("false")) {
        return Boolean.parseBoolean(t);
      }
      throw new KsqlException("invalid input syntax for type BOOLEAN: \"" + text + "\".");
    }
    try {
      return new BigDecimal(t);
    } catch (NumberFormatException e) {
      throw new KsqlException("invalid input syntax for type " + target.base() + ": \"" + text + "\".");
    }
  }

  private static boolean isTimeColumn(Expression e) {
    return e instanceof Expression.ColumnRef c && (c.name().equals(SystemColumns.ROWTIME)
        || SystemColumns.isWindowBound(c.name()));
  }

  private static Object epochMillis(Object text) {
    return text == null ? null : Temporals.parseTimestamp((String) text).getTime();
  }

  private static SqlType typeOfLiteral(Object v) {
    if (v instanceof BigDecimal d) {
      return SqlType.decimal(Math.max(d.precision(), d.scale()), Math.max(d.scale(), 0));
    }
    return SqlType.BOOLEAN;
  }

  private static Evaluator converted(Evaluator e, UnaryOperator<Object> conv) {
    return row -> conv.apply(e.eval(row));
  }

  private static Order order(Comparison c, SqlType lt, SqlType rt, Expression left, Expression right) {
    SqlBaseType a = lt.base();
    SqlBaseType b = rt.base();
    if (a.isNumber() && b.isNumber()) {
      if (a == SqlBaseType.DOUBLE || b == SqlBaseType.DOUBLE) {
        return (x, y) -> Double.compare(((Number) x).doubleValue(), ((Number) y).doubleValue());
      }
      if (a == SqlBaseType.DECIMAL || b == SqlBaseType.DECIMAL) {
        return (x, y) -> decimal(x).compareTo(decimal(y));
      }
      return (x, y) -> Long.compare(((Number) x).longValue(), ((Number) y).longValue());
    }
    if (a != b && !(a.isTemporal() && b.isTemporal())) {
      throw mismatch(c, lt, rt, left, right);
    }
    boolean equalityOnly = c.op() == ComparisonOp.EQUAL || c.op() == ComparisonOp.NOT_EQUAL;
    switch (a) {
      case STRING:
        return (x, y) -> ((String) x).compareTo((String) y);
      case BOOLEAN:
        if (!equalityOnly) {
          throw mismatch(c, lt, rt, left, right);
        }
        return (x, y) -> Boolean.compare((Boolean) x, (Boolean) y);
      case DATE:
      case TIME:
      case TIMESTAMP:
        return (x, y) -> Long.compare(((java.util.Date) x).getTime(), ((java.util.Date) y).getTime());
      case BYTES:
        return (x, y) -> ((ByteBuffer) x).compareTo((ByteBuffer) y);
      default:
        if (!equalityOnly || !lt.equals(rt)) {
          throw mismatch(c, lt, rt, left, right);
        }
        return (x, y) -> Objects.equals(x, y) ? 0 : 1;
    }
  }

  private static BigDecimal decimal(Object v) {
    return v instanceof BigDecimal d ? d : BigDecimal.valueOf(((Number) v).longValue());
  }

  private static KsqlException mismatch(Comparison c, SqlType lt, SqlType rt, Expression left, Expression right) {
    return new KsqlException("Cannot compare " + left + " (" + lt + ") to " + right + " (" + rt + ") with "
        + c.op().name() + ".");
  }
}
