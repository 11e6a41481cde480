package io.rtdp.ksql.engine.function;

import io.rtdp.ksql.engine.schema.SqlBaseType;
import io.rtdp.ksql.engine.schema.SqlType;
import java.util.List;
import java.util.Map;

/** Matches argument types against parameter types, binding type variables as it goes. */
final class TypeBinder {
  static final int NO_MATCH = -1;
  private static final int ANY_COST = 8;

  private TypeBinder() {}

  /** Cost of passing {@code arg} (null = NULL literal) to {@code param}; NO_MATCH if impossible. */
  static int cost(ParamType param, SqlType arg, Map<String, SqlType> bindings) {
    if (param instanceof ParamType.Lambda || param instanceof ParamType.TimeUnitParam) {
      return NO_MATCH;
    }
    if (arg == null) {
      return 0;
    }
    if (param instanceof ParamType.Any) {
      return ANY_COST;
    }
    if (param instanceof ParamType.Generic g) {
      SqlType bound = bindings.get(g.name());
      if (bound == null) {
        bindings.put(g.name(), arg);
        return 1;
      }
      if (bound.equals(arg)) {
        return 1;
      }
      if (bound.base() == SqlBaseType.DECIMAL && arg.base() == SqlBaseType.DECIMAL) {
        bindings.put(g.name(), widerDecimal((SqlType.Decimal) bound, (SqlType.Decimal) arg));
        return 1;
      }
      return NO_MATCH;
    }
    ParamType.Concrete c = (ParamType.Concrete) param;
    if (c.base() == arg.base()) {
      if (arg instanceof SqlType.Array a) {
        return cost(c.children().get(0), a.element(), bindings);
      }
      if (arg instanceof SqlType.MapType m) {
        int k = cost(c.children().get(0), m.key(), bindings);
        int v = k == NO_MATCH ? NO_MATCH : cost(c.children().get(1), m.value(), bindings);
        return v == NO_MATCH ? NO_MATCH : k + v;
      }
      return 0;
    }
    if (arg.base().canImplicitlyCastTo(c.base())) {
      return 2 * (c.base().ordinal() - arg.base().ordinal());
    }
    return NO_MATCH;
  }

  /** The SQL type a parameter/return type stands for once type variables are bound. */
  static SqlType resolve(ParamType type, Map<String, SqlType> bindings, List<SqlType> args) {
    if (type instanceof ParamType.Generic g) {
      return bindings.get(g.name());
    }
    if (type instanceof ParamType.Concrete c) {
      return switch (c.base()) {
        case ARRAY -> {
          SqlType element = resolve(c.children().get(0), bindings, args);
          yield element == null ? null : SqlType.array(element);
        }
        case MAP -> {
          SqlType k = resolve(c.children().get(0), bindings, args);
          SqlType v = resolve(c.children().get(1), bindings, args);
          yield k == null || v == null ? null : SqlType.map(k, v);
        }
        case DECIMAL -> firstDecimal(args);
        case STRUCT -> null;
        default -> primitive(c.base());
      };
    }
    return null;
  }

  private static SqlType firstDecimal(List<SqlType> args) {
    for (SqlType a : args) {
      if (a instanceof SqlType.Decimal) {
        return a;
      }
    }
    return null;
  }

  static SqlType widerDecimal(SqlType.Decimal a, SqlType.Decimal b) {
    int scale = Math.max(a.scale(), b.scale());
    int integral = Math.max(a.precision() - a.scale(), b.precision() - b.scale());
    return SqlType.decimal(integral + scale, scale);
  }

  static SqlType primitive(SqlBaseType base) {
    return switch (base) {
      case BOOLEAN -> SqlType.BOOLEAN;
      case INTEGER -> SqlType.INTEGER;
      case BIGINT -> SqlType.BIGINT;
      case DOUBLE -> SqlType.DOUBLE;
      case STRING -> SqlType.STRING;
      case BYTES -> SqlType.BYTES;
      case DATE -> SqlType.DATE;
      case TIME -> SqlType.TIME;
      case TIMESTAMP -> SqlType.TIMESTAMP;
      default -> throw new IllegalArgumentException("not primitive: " + base);
    };
  }
}
