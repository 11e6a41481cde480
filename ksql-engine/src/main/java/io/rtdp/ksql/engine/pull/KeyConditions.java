package io.rtdp.ksql.engine.pull;

import io.rtdp.ksql.engine.KsqlException;
import io.rtdp.ksql.engine.expression.ExpressionCompiler;
import io.rtdp.ksql.engine.expression.ExpressionWalker;
import io.rtdp.ksql.engine.expression.RowLayout;
import io.rtdp.ksql.engine.expression.Temporals;
import io.rtdp.ksql.engine.function.FunctionRegistry;
import io.rtdp.ksql.engine.parser.Expression;
import io.rtdp.ksql.engine.schema.Column;
import io.rtdp.ksql.engine.schema.SqlType;
import io.rtdp.ksql.engine.schema.SystemColumns;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a pull query's WHERE clause for what makes it a key lookup (SPEC §3.2): every key column
 * equal to a constant or IN a list of constants, AND-ed with other conditions, which become a
 * filter on the rows read. Window bounds compared with constants narrow the windows read. Anything
 * else is a table scan, which {@code ksql.query.pull.table.scan.enabled=false} forbids except, with
 * {@code ksql.query.pull.range.scan.enabled}, a range on a single key column.
 */
public final class KeyConditions {
  private final List<Column> keyColumns;
  private final boolean windowed;
  private final Long windowSizeMs;
  private final ExpressionCompiler constants;

  /** {@code windowSizeMs}: the size of tumbling/hopping windows (null for sessions or unwindowed). */
  public KeyConditions(List<Column> keyColumns, boolean windowed, Long windowSizeMs, FunctionRegistry functions) {
    this.keyColumns = keyColumns;
    this.windowed = windowed;
    this.windowSizeMs = windowSizeMs;
    this.constants = new ExpressionCompiler(functions, new RowLayout(), "WHERE");
  }

  public KeyLookup analyze(Expression where, boolean scanEnabled, boolean rangeScanEnabled) {
    List<Expression> conjuncts = new ArrayList<>();
    if (where != null) {
      flatten(where, conjuncts);
    }
    long startFrom = 0;
    long startTo = Long.MAX_VALUE;
    for (Expression c : conjuncts) {
      long[] range = startRange(c);
      if (range != null) {
        startFrom = Math.max(startFrom, range[0]);
        startTo = Math.min(startTo, range[1]);
      }
    }
    List<List<Object>> perColumn = new ArrayList<>();
    for (Column key : keyColumns) {
      List<Expression> onKey = onKey(conjuncts, key);
      List<Object> values = onKey.size() == 1 ? keyValues(onKey.get(0), key) : null;
      if (values == null) {
        perColumn = null;
        break;
      }
      perColumn.add(values);
    }
    if (perColumn != null && !keyColumns.isEmpty()) {
      return new KeyLookup(product(perColumn), startFrom, startTo);
    }
    if (!scanEnabled) {
      String refusal = scanRefusal(where, conjuncts, rangeScanEnabled);
      if (refusal != null) {
        throw new KsqlException(refusal);
      }
    }
    return new KeyLookup(null, startFrom, startTo);
  }

  private static void flatten(Expression e, List<Expression> out) {
    if (e instanceof Expression.And a) {
      flatten(a.left(), out);
      flatten(a.right(), out);
    } else {
      out.add(e);
    }
  }

  /** The conjuncts comparing the key column itself (not an expression of it) with something. */
  private static List<Expression> onKey(List<Expression> conjuncts, Column key) {
    List<Expression> out = new ArrayList<>();
    for (Expression c : conjuncts) {
      if ((c instanceof Expression.Comparison cmp && (isColumn(cmp.left(), key) || isColumn(cmp.right(), key)))
          || (c instanceof Expression.InList in && isColumn(in.value(), key))) {
        out.add(c);
      }
    }
    return out;
  }

  /** The key values a conjunct fixes for {@code key}: = or IN with constants; null otherwise. */
  private List<Object> keyValues(Expression c, Column key) {
    if (c instanceof Expression.Comparison cmp && cmp.op() == Expression.ComparisonOp.EQUAL) {
      Expression value = isColumn(cmp.left(), key) ? cmp.right() : cmp.left();
      return isConstant(value) ? List.of(convert(value, key)) : null;
    }
    if (c instanceof Expression.InList in && !in.negated() && in.list().stream().allMatch(this::isConstant)) {
      Set<Object> values = new LinkedHashSet<>();
      for (Expression value : in.list()) {
        values.add(convert(value, key));
      }
      return new ArrayList<>(values);
    }
    return null;
  }

  /** Why the WHERE clause needs a table scan, in ksqlDB's words; null when a key range scan will do. */
  private String scanRefusal(Expression where, List<Expression> conjuncts, boolean rangeScanEnabled) {
    boolean multiKey = keyColumns.size() > 1;
    if (keyColumns.stream().noneMatch(k -> mentions(where, k))) {
      return "WHERE clause missing key column for disjunct: " + where;
    }
    if (!ExpressionWalker.find(where, e -> e instanceof Expression.Or).isEmpty()) {
      return multiKey ? "Multi-column sources must specify every key in the WHERE clause."
          : "Query requires table scan to be enabled";
    }
    if (multiKey && keyColumns.stream().anyMatch(k -> onKey(conjuncts, k).isEmpty())) {
      return "Multi-column sources must specify every key in the WHERE clause.";
    }
    boolean range = false;
    for (Column key : keyColumns) {
      List<Expression> onKey = onKey(conjuncts, key);
      if (onKey.size() > 1) {
        return "A comparison condition on the key column cannot be combined with other comparisons such as an IN "
            + "predicate";
      }
      if (onKey.isEmpty()) {
        return "A comparison must directly reference a key column.";
      }
      Expression c = onKey.get(0);
      if (keyValuesOrNull(c, key) != null) {
        continue;
      }
      if (c instanceof Expression.InList
          || (c instanceof Expression.Comparison cmp && cmp.op() == Expression.ComparisonOp.EQUAL)) {
        return "A comparison must be between a key column and a resolvable expression.";
      }
      if (((Expression.Comparison) c).op() == Expression.ComparisonOp.NOT_EQUAL) {
        return "Bound on key columns '[" + key + "]' must currently be '='. ";
      }
      range = true;
    }
    // Only a single STRING key of an unwindowed table can be read as a key range.
    boolean rangeReadable = !multiKey && !windowed && keyColumns.get(0).type().equals(SqlType.STRING);
    return range && rangeScanEnabled && rangeReadable ? null : "Query requires table scan to be enabled";
  }

  private List<Object> keyValuesOrNull(Expression c, Column key) {
    try {
      return keyValues(c, key);
    } catch (KsqlException notAKey) {
      return null;
    }
  }

  private static boolean mentions(Expression e, Column key) {
    return !ExpressionWalker.find(e, x -> isColumn(x, key)).isEmpty();
  }

  /** [from, to] of window starts a window-bound comparison with a literal allows, or null. */
  private long[] startRange(Expression c) {
    if (!(c instanceof Expression.Comparison cmp)) {
      return null;
    }
    Expression.ComparisonOp op = cmp.op();
    Expression bound = cmp.left();
    Expression literal = cmp.right();
    if (!windowBound(bound)) {
      bound = cmp.right();
      literal = cmp.left();
      op = flip(op);
    }
    if (!windowBound(bound) || !isConstant(literal) || op == Expression.ComparisonOp.NOT_EQUAL) {
      return null;
    }
    Long millis = millis(evaluate(literal));
    if (millis == null) {
      return null;
    }
    long value = millis;
    // A bound on WINDOWEND is one on WINDOWSTART shifted by the window size; sessions vary in size.
    if (((Expression.ColumnRef) bound).name().equals(SystemColumns.WINDOWEND)) {
      if (windowSizeMs == null) {
        return null;
      }
      value -= windowSizeMs;
    }
    return switch (op) {
      case EQUAL -> new long[] {value, value};
      case LESS_THAN -> new long[] {0, value - 1};
      case LESS_THAN_OR_EQUAL -> new long[] {0, value};
      case GREATER_THAN -> new long[] {value + 1, Long.MAX_VALUE};
      case GREATER_THAN_OR_EQUAL -> new long[] {value, Long.MAX_VALUE};
      case NOT_EQUAL -> null;
    };
  }

  private static Expression.ComparisonOp flip(Expression.ComparisonOp op) {
    return switch (op) {
      case LESS_THAN -> Expression.ComparisonOp.GREATER_THAN;
      case LESS_THAN_OR_EQUAL -> Expression.ComparisonOp.GREATER_THAN_OR_EQUAL;
      case GREATER_THAN -> Expression.ComparisonOp.LESS_THAN;
      case GREATER_THAN_OR_EQUAL -> Expression.ComparisonOp.LESS_THAN_OR_EQUAL;
      default -> op;
    };
  }

  private static boolean windowBound(Expression e) {
    return e instanceof Expression.ColumnRef r && SystemColumns.isWindowBound(r.name());
  }

  /** A window bound's constant in epoch millis: a number or ISO-8601 text; null if neither. */
  private static Long millis(Object v) {
    if (v instanceof String s) {
      return Temporals.parseTimestamp(s).getTime();
    }
    return v instanceof Integer || v instanceof Long ? ((Number) v).longValue() : null;
  }

  private static boolean isColumn(Expression e, Column key) {
    return e instanceof Expression.ColumnRef r && r.name().equals(key.name());
  }

  /** An expression of literals only (such as {@code 10 + 1}), which the planner can evaluate. */
  private boolean isConstant(Expression e) {
    return ExpressionWalker.find(e, x -> x instanceof Expression.ColumnRef || x instanceof Expression.Lambda)
        .isEmpty();
  }

  private Object evaluate(Expression e) {
    return constants.compile(e).eval(new Object[0]);
  }

  /** The constant as a value of the key column's type, as the store holds it. */
  private Object convert(Expression constant, Column key) {
    Object v = evaluate(constant);
    if (v == null) {
      throw new KsqlException("Primary key columns can not be NULL: (" + key.name() + " = null)");
    }
    Object converted = convertOrNull(v, key.type());
    if (converted == null) {
      throw new KsqlException(constant + " can not be converted to the type of the key column: " + key.name() + " "
          + key.type() + " KEY");
    }
    return converted;
  }

  private static Object convertOrNull(Object v, SqlType type) {
    BigDecimal number = v instanceof BigDecimal d ? d
        : v instanceof Integer || v instanceof Long ? BigDecimal.valueOf(((Number) v).longValue())
        : v instanceof Double d ? BigDecimal.valueOf(d) : null;
    try {
      return switch (type.base()) {
        case INTEGER -> number == null ? null : number.intValueExact();
        case BIGINT -> number == null ? null : number.longValueExact();
        case DOUBLE -> number == null ? null : number.doubleValue();
        case DECIMAL -> number == null ? null
            : number.setScale(((SqlType.Decimal) type).scale(), RoundingMode.UNNECESSARY);
        case STRING -> v instanceof String s ? s : null;
        case BOOLEAN -> v instanceof Boolean b ? b : null;
        case TIMESTAMP -> v instanceof String s ? Temporals.parseTimestamp(s) : v instanceof Timestamp t ? t : null;
        case DATE -> v instanceof String s ? Temporals.parseDate(s) : v instanceof Date d ? d : null;
        case TIME -> v instanceof String s ? Temporals.parseTime(s) : v instanceof Time t ? t : null;
        case ARRAY -> v instanceof List<?> ? v : null;
        case MAP -> v instanceof java.util.Map<?, ?> ? v : null;
        case STRUCT -> v instanceof io.rtdp.ksql.engine.schema.KsqlStruct ? v : null;
        default -> null;
      };
    } catch (ArithmeticException | KsqlException notConvertible) {
      return null;
    }
  }

  private static List<List<Object>> product(List<List<Object>> perColumn) {
    List<List<Object>> keys = new ArrayList<>();
    keys.add(new ArrayList<>());
    for (List<Object> values : perColumn) {
      List<List<Object>> next = new ArrayList<>();
      for (List<Object> prefix : keys) {
        for (Object v : values) {
          List<Object> k = new ArrayList<>(prefix);
          k.add(v);
          next.add(k);
        }
      }
      keys = next;
    }
    return keys;
  }
}
