package io.rtdp.ksql.engine.expression;

import io.rtdp.ksql.engine.KsqlException;
import io.rtdp.ksql.engine.parser.Expression.Arithmetic;
import io.rtdp.ksql.engine.parser.Expression.ArithmeticOp;
import io.rtdp.ksql.engine.parser.Expression.Negation;
import io.rtdp.ksql.engine.schema.SqlBaseType;
import io.rtdp.ksql.engine.schema.SqlType;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** Arithmetic typing (SPEC §1.6, including DECIMAL precision/scale rules) and evaluation. */
final class Arithmetics {
  private Arithmetics() {}

  static Compiled compile(Arithmetic a, Compiled l, Compiled r) {
    SqlType lt = l.type();
    SqlType rt = r.type();
    if (lt == null || rt == null || !lt.base().isNumber() || !rt.base().isNumber()) {
      if (a.op() == ArithmeticOp.ADD && lt != null && rt != null
          && lt.base() == SqlBaseType.STRING && rt.base() == SqlBaseType.STRING) {
        return Compiled.nullSafe(a, SqlType.STRING, l, r, (x, y) -> (String) x + y);
      }
      throw new KsqlException("Error processing expression: " + a + ". Arithmetic on types "
          + (lt == null ? "null" : lt) + " and " + (rt == null ? "null" : rt) + " are not supported.");
    }
    ArithmeticOp op = a.op();
    if (lt.base() == SqlBaseType.DOUBLE || rt.base() == SqlBaseType.DOUBLE) {
      return Compiled.nullSafe(a, SqlType.DOUBLE, l, r,
          (x, y) -> doubles(op, ((Number) x).doubleValue(), ((Number) y).doubleValue()));
    }
    if (lt.base() == SqlBaseType.DECIMAL || rt.base() == SqlBaseType.DECIMAL) {
      SqlType.Decimal result = decimalResult(op, asDecimal(lt), asDecimal(rt));
      return Compiled.nullSafe(a, result, l, r, (x, y) -> decimals(op, toDecimal(x), toDecimal(y), result));
    }
    if (lt.base() == SqlBaseType.BIGINT || rt.base() == SqlBaseType.BIGINT) {
      return Compiled.nullSafe(a, SqlType.BIGINT, l, r,
          (x, y) -> longs(op, ((Number) x).longValue(), ((Number) y).longValue()));
    }
    // Narrowing the long result wraps exactly as int arithmetic would, overflow included.
    return Compiled.nullSafe(a, SqlType.INTEGER, l, r, (x, y) -> (int) longs(op, (Integer) x, (Integer) y));
  }

  static Compiled negate(Negation n, Compiled v) {
    if (v.type() == null || !v.type().base().isNumber()) {
      throw new KsqlException("Error processing expression: " + n + ". Cannot negate " + v.type());
    }
    Evaluator e = v.evaluator();
    return new Compiled(n, v.type(), row -> {
      Object x = e.eval(row);
      if (x instanceof Integer i) {
        return -i;
      }
      if (x instanceof Long l) {
        return -l;
      }
      if (x instanceof Double d) {
        return -d;
      }
      return x == null ? null : ((BigDecimal) x).negate();
    }, v.constant());
  }

  static SqlType.Decimal asDecimal(SqlType t) {
    return switch (t.base()) {
      case INTEGER -> new SqlType.Decimal(10, 0);
      case BIGINT -> new SqlType.Decimal(19, 0);
      case DECIMAL -> (SqlType.Decimal) t;
      default -> throw new KsqlException("Not a number type: " + t);
    };
  }

  static SqlType.Decimal widerDecimal(SqlType.Decimal a, SqlType.Decimal b) {
    int scale = Math.max(a.scale(), b.scale());
    return new SqlType.Decimal(Math.max(a.precision() - a.scale(), b.precision() - b.scale()) + scale, scale);
  }

  private static SqlType.Decimal decimalResult(ArithmeticOp op, SqlType.Decimal a, SqlType.Decimal b) {
    int p1 = a.precision();
    int s1 = a.scale();
    int p2 = b.precision();
    int s2 = b.scale();
    return switch (op) {
      case ADD, SUBTRACT -> {
        int scale = Math.max(s1, s2);
        yield new SqlType.Decimal(scale + Math.max(p1 - s1, p2 - s2) + 1, scale);
      }
      case MULTIPLY -> new SqlType.Decimal(p1 + p2 + 1, s1 + s2);
      case DIVIDE -> {
        int scale = Math.max(6, s1 + p2 + 1);
        yield new SqlType.Decimal(p1 - s1 + s2 + scale, scale);
      }
      case MODULUS -> {
        int scale = Math.max(s1, s2);
        yield new SqlType.Decimal(Math.min(p1 - s1, p2 - s2) + scale, scale);
      }
    };
  }

  private static BigDecimal toDecimal(Object v) {
    return v instanceof BigDecimal d ? d : BigDecimal.valueOf(((Number) v).longValue());
  }

  private static Object decimals(ArithmeticOp op, BigDecimal x, BigDecimal y, SqlType.Decimal type) {
    BigDecimal r = switch (op) {
      case ADD -> x.add(y);
      case SUBTRACT -> x.subtract(y);
      case MULTIPLY -> x.multiply(y);
      case DIVIDE -> x.divide(y, type.scale(), RoundingMode.HALF_UP);
      case MODULUS -> x.remainder(y, MathContext.UNLIMITED);
    };
    return r.setScale(type.scale(), RoundingMode.HALF_UP);
  }

  private static Object doubles(ArithmeticOp op, double x, double y) {
    return switch (op) {
      case ADD -> x + y;
      case SUBTRACT -> x - y;
      case MULTIPLY -> x * y;
      case DIVIDE -> x / y;
      case MODULUS -> x % y;
    };
  }

  private static long longs(ArithmeticOp op, long x, long y) {
    return switch (op) {
      case ADD -> x + y;
      case SUBTRACT -> x - y;
      case MULTIPLY -> x * y;
      case DIVIDE -> x / y;
      case MODULUS -> x % y;
    };
  }
}
