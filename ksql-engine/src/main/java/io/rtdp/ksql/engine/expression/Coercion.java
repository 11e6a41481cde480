package io.rtdp.ksql.engine.expression;

import io.rtdp.ksql.engine.KsqlException;
import io.rtdp.ksql.engine.schema.SqlBaseType;
import io.rtdp.ksql.engine.schema.SqlType;
import java.util.List;
import java.util.function.UnaryOperator;

/** Common types of several expressions (CASE branches, constructor elements) and widening to them. */
final class Coercion {
  private Coercion() {}

  /** Null when every expression is the NULL literal. */
  static SqlType commonType(List<Compiled> all, String error) {
    SqlType common = null;
    for (Compiled c : all) {
      SqlType t = c.type();
      if (t == null) {
        continue;
      }
      if (common == null) {
        common = t;
      } else if (!common.equals(t)) {
        common = wider(common, t, error);
      }
    }
    return common;
  }

  private static SqlType wider(SqlType a, SqlType b, String error) {
    SqlBaseType x = a.base();
    SqlBaseType y = b.base();
    if (x.isNumber() && y.isNumber()) {
      if (x == SqlBaseType.DOUBLE || y == SqlBaseType.DOUBLE) {
        return SqlType.DOUBLE;
      }
      if (x == SqlBaseType.DECIMAL || y == SqlBaseType.DECIMAL) {
        return Arithmetics.widerDecimal(Arithmetics.asDecimal(a), Arithmetics.asDecimal(b));
      }
      return x.ordinal() > y.ordinal() ? a : b;
    }
    throw new KsqlException(error);
  }

  static Evaluator to(Compiled c, SqlType type) {
    if (c.type() == null || c.type().equals(type)) {
      return c.evaluator();
    }
    UnaryOperator<Object> conv = Casts.converter(c.type(), type);
    Evaluator e = c.evaluator();
    return row -> conv.apply(e.eval(row));
  }
}
