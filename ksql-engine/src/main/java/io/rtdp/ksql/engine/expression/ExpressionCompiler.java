package io.rtdp.ksql.engine.expression;

import io.rtdp.ksql.engine.KsqlException;
import io.rtdp.ksql.engine.function.CallArg;
import io.rtdp.ksql.engine.function.FunctionRegistry;
import io.rtdp.ksql.engine.function.ScalarFunction;
import io.rtdp.ksql.engine.parser.Expression;
import io.rtdp.ksql.engine.parser.Expression.*;
import io.rtdp.ksql.engine.schema.KsqlStruct;
import io.rtdp.ksql.engine.schema.SqlBaseType;
import io.rtdp.ksql.engine.schema.SqlType;
import io.rtdp.ksql.engine.schema.SystemColumns;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * Resolves and type-checks an expression once and turns it into a tree of closures; rows are
 * then evaluated without looking at the AST again.
 */
public final class ExpressionCompiler {
  private final FunctionRegistry functions;
  private final RowLayout layout;
  /** Clause name used in "column cannot be resolved" messages, e.g. "WHERE". */
  private final String clause;

  public ExpressionCompiler(FunctionRegistry functions, RowLayout layout, String clause) {
    this.functions = functions;
    this.layout = layout;
    this.clause = clause;
  }

  public Compiled compile(Expression e) {
    RowLayout.Slot precomputed = layout.computed(e);
    if (precomputed != null) {
      int i = precomputed.index();
      return new Compiled(e, precomputed.type(), row -> row[i], false);
    }
    if (e instanceof NullLiteral) {
      return constant(e, null, null);
    }
    if (e instanceof BooleanLiteral b) {
      return constant(e, SqlType.BOOLEAN, b.value());
    }
    if (e instanceof IntegerLiteral i) {
      return constant(e, SqlType.INTEGER, i.value());
    }
    if (e instanceof BigintLiteral l) {
      return constant(e, SqlType.BIGINT, l.value());
    }
    if (e instanceof DoubleLiteral d) {
      return constant(e, SqlType.DOUBLE, d.value());
    }
    if (e instanceof DecimalLiteral d) {
      BigDecimal v = d.value();
      return constant(e, SqlType.decimal(Math.max(v.precision(), v.scale()), Math.max(v.scale(), 0)), v);
    }
    if (e instanceof StringLiteral s) {
      return constant(e, SqlType.STRING, s.value());
    }
    if (e instanceof ColumnRef c) {
      return column(c);
    }
    if (e instanceof Dereference d) {
      return dereference(d);
    }
    if (e instanceof Subscript s) {
      return subscript(s);
    }
    if (e instanceof Arithmetic a) {
      return Arithmetics.compile(a, compile(a.left()), compile(a.right()));
    }
    if (e instanceof Concatenation c) {
      return concat(c);
    }
    if (e instanceof Negation n) {
      return Arithmetics.negate(n, compile(n.value()));
    }
    if (e instanceof Comparison c) {
      return Comparisons.compile(c, compile(c.left()), compile(c.right()));
    }
    if (e instanceof And a) {
      return logical(e, a.left(), a.right(), true);
    }
    if (e instanceof Or o) {
      return logical(e, o.left(), o.right(), false);
    }
    if (e instanceof Not n) {
      Evaluator v = bool(n.value());
      return new Compiled(e, SqlType.BOOLEAN, row -> {
        Object x = v.eval(row);
        return x == null ? null : !((Boolean) x);
      }, false);
    }
    if (e instanceof Between b) {
      return between(b);
    }
    if (e instanceof InList in) {
      return inList(in);
    }
    if (e instanceof Like l) {
      return like(l);
    }
    if (e instanceof IsNull n) {
      Evaluator v = compile(n.value()).evaluator();
      boolean negated = n.negated();
      return new Compiled(e, SqlType.BOOLEAN, row -> (v.eval(row) == null) != negated, false);
    }
    if (e instanceof DistinctFrom d) {
      Compiled l = compile(d.left());
      Compiled r = compile(d.right());
      Evaluator eq = Comparisons.equality(d, l, r);
      boolean negated = d.negated();
      return new Compiled(e, SqlType.BOOLEAN, row -> {
        Object a = l.eval(row);
        Object b = r.eval(row);
        boolean distinct = a == null || b == null ? (a == null) != (b == null) : !Boolean.TRUE.equals(eq.eval(row));
        return distinct != negated;
      }, false);
    }
    if (e instanceof Case c) {
      return caseExpression(c);
    }
    if (e instanceof Cast c) {
      Compiled v = compile(c.value());
      UnaryOperator<Object> conv = Casts.converter(v.type(), c.type());
      Evaluator ev = v.evaluator();
      return new Compiled(e, c.type(), row -> conv.apply(ev.eval(row)), v.constant());
    }
    if (e instanceof ArrayConstructor a) {
      return array(a);
    }
    if (e instanceof MapConstructor m) {
      return map(m);
    }
    if (e instanceof StructConstructor s) {
      return struct(s);
    }
    if (e instanceof FunctionCall f) {
      return call(f);
    }
    throw new KsqlException("Expression not supported here: " + e);
  }

  /** Compiles a predicate, which must be BOOLEAN. */
  public Compiled predicate(Expression e, String clauseName) {
    Compiled c = compile(e);
    if (c.type() != null && c.type().base() != SqlBaseType.BOOLEAN) {
      throw new KsqlException("Type error in " + clauseName + " expression: Should evaluate to boolean but is "
          + e + " (" + c.type() + ") instead.");
    }
    return c;
  }

  private Evaluator bool(Expression e) {
    Compiled c = compile(e);
    if (c.type() != null && c.type().base() != SqlBaseType.BOOLEAN) {
      throw new KsqlException("Logical operand " + e + " must be BOOLEAN but is " + c.type());
    }
    return c.evaluator();
  }

  /** AND / OR, short-circuit; a NULL operand counts as false, so the result is never NULL. */
  private Compiled logical(Expression e, Expression left, Expression right, boolean and) {
    Evaluator l = bool(left);
    Evaluator r = bool(right);
    Evaluator both = row -> Boolean.TRUE.equals(l.eval(row)) && Boolean.TRUE.equals(r.eval(row));
    Evaluator either = row -> Boolean.TRUE.equals(l.eval(row)) || Boolean.TRUE.equals(r.eval(row));
    return new Compiled(e, SqlType.BOOLEAN, and ? both : either, false);
  }

  private static Compiled constant(Expression e, SqlType type, Object value) {
    return new Compiled(e, type, row -> value, true);
  }

  private Compiled column(ColumnRef c) {
    RowLayout.Slot slot = layout.resolve(c);
    if (slot == null) {
      if (c.qualifier() != null && !layout.hasSource(c.qualifier())) {
        // ksqlDB finds unknown qualifiers while preparing the statement, whose errors carry this prefix.
        throw new KsqlException("Failed to prepare statement: '" + c.qualifier()
            + "' is not a valid stream/table name or alias.");
      }
      if (SystemColumns.isWindowBound(c.name())) {
        throw new UnknownColumnException("Window bounds column " + c.name()
            + " can only be used in the SELECT clause of windowed aggregations", c);
      }
      throw new UnknownColumnException(clause + " column '" + c + "' cannot be resolved.", c);
    }
    int i = slot.index();
    return new Compiled(c, slot.type(), row -> row[i], false);
  }

  private Compiled dereference(Dereference d) {
    Compiled base = compile(d.base());
    if (!(base.type() instanceof SqlType.Struct s)) {
      throw new KsqlException("Can't dereference field " + d.field() + " of " + d.base() + " (" + base.type() + ")");
    }
    int index = s.indexOf(d.field());
    if (index < 0) {
      throw new KsqlException("Could not find field '" + d.field() + "' in '" + d.base() + "'.");
    }
    Evaluator b = base.evaluator();
    return new Compiled(d, s.fields().get(index).type(), row -> {
      Object v = b.eval(row);
      return v == null ? null : ((KsqlStruct) v).get(index);
    }, false);
  }

  private Compiled subscript(Subscript s) {
    Compiled base = compile(s.base());
    Compiled index = compile(s.index());
    Evaluator b = base.evaluator();
    Evaluator i = index.evaluator();
    if (base.type() instanceof SqlType.Array a) {
      if (index.type() == null || !index.type().base().canImplicitlyCastTo(SqlBaseType.BIGINT)) {
        throw new KsqlException("Array index must be INTEGER but is " + index.type() + ": " + s);
      }
      return new Compiled(s, a.element(), row -> {
        List<?> list = (List<?>) b.eval(row);
        Object idx = i.eval(row);
        if (list == null || idx == null) {
          return null;
        }
        int n = ((Number) idx).intValue();
        int pos = n > 0 ? n - 1 : list.size() + n;
        return n == 0 || pos < 0 || pos >= list.size() ? null : list.get(pos);
      }, false);
    }
    if (base.type() instanceof SqlType.MapType m) {
      return new Compiled(s, m.value(), row -> {
        Map<?, ?> map = (Map<?, ?>) b.eval(row);
        Object key = i.eval(row);
        return map == null || key == null ? null : map.get(key);
      }, false);
    }
    throw new KsqlException("Subscript expression " + s + " needs an ARRAY or MAP but got " + base.type());
  }

  private Compiled concat(Concatenation c) {
    Compiled l = compile(c.left());
    Compiled r = compile(c.right());
    if (!isStringOrNull(l.type()) || !isStringOrNull(r.type())) {
      throw new KsqlException("Error processing expression: " + c + ". '||' needs STRING operands but got "
          + l.type() + " and " + r.type());
    }
    return Compiled.nullSafe(c, SqlType.STRING, l, r, (a, b) -> (String) a + b);
  }

  private static boolean isStringOrNull(SqlType t) {
    return t == null || t.base() == SqlBaseType.STRING;
  }

  private Compiled between(Between b) {
    Compiled v = compile(b.value());
    Evaluator lo = Comparisons.compile(new Comparison(b.pos(), ComparisonOp.GREATER_THAN_OR_EQUAL, b.value(), b.lower()),
        v, compile(b.lower())).evaluator();
    Evaluator hi = Comparisons.compile(new Comparison(b.pos(), ComparisonOp.LESS_THAN_OR_EQUAL, b.value(), b.upper()),
        v, compile(b.upper())).evaluator();
    Evaluator ve = v.evaluator();
    boolean negated = b.negated();
    return new Compiled(b, SqlType.BOOLEAN, row -> {
      if (ve.eval(row) == null) {
        return false;
      }
      boolean in = Boolean.TRUE.equals(lo.eval(row)) && Boolean.TRUE.equals(hi.eval(row));
      return in != negated;
    }, false);
  }

  private Compiled inList(InList in) {
    Compiled v = compile(in.value());
    List<Evaluator> tests = new ArrayList<>();
    for (Expression candidate : in.list()) {
      Compiled c = compile(candidate);
      if (c.type() == null) {
        continue;
      }
      try {
        if (c.constant() && c.type().base() == SqlBaseType.STRING && v.type() != null
            && (v.type().base().isNumber() || v.type().base() == SqlBaseType.BOOLEAN)) {
          Comparisons.literalAs(c.eval(new Object[0]), v.type());
        }
        tests.add(Comparisons.equality(in, v, c));
      } catch (KsqlException e) {
        throw new KsqlException("Invalid Predicate: " + (e.getMessage().startsWith("invalid input syntax")
            ? e.getMessage() : "operator does not exist: " + v.type() + " = " + c.type() + " (" + candidate + ")"));
      }
    }
    Evaluator[] ts = tests.toArray(new Evaluator[0]);
    Evaluator ve = v.evaluator();
    boolean negated = in.negated();
    return new Compiled(in, SqlType.BOOLEAN, row -> {
      if (ve.eval(row) == null) {
        return false;
      }
      for (Evaluator t : ts) {
        if (Boolean.TRUE.equals(t.eval(row))) {
          return !negated;
        }
      }
      return negated;
    }, false);
  }

  private Compiled like(Like l) {
    Compiled v = compile(l.value());
    Compiled p = compile(l.pattern());
    if (!isStringOrNull(v.type()) || !isStringOrNull(p.type())) {
      throw new KsqlException("LIKE needs STRING operands: " + l);
    }
    Evaluator ve = v.evaluator();
    Evaluator pe = p.evaluator();
    Character escape = l.escape();
    boolean negated = l.negated();
    java.util.regex.Pattern fixed = p.constant() && pe.eval(new Object[0]) != null
        ? LikePatterns.compile((String) pe.eval(new Object[0]), escape) : null;
    return new Compiled(l, SqlType.BOOLEAN, row -> {
      Object s = ve.eval(row);
      Object pat = pe.eval(row);
      if (s == null || pat == null) {
        return false;
      }
      java.util.regex.Pattern regex = fixed != null ? fixed : LikePatterns.compile((String) pat, escape);
      return regex.matcher((String) s).matches() != negated;
    }, false);
  }

  private Compiled caseExpression(Case c) {
    int n = c.whens().size();
    Evaluator[] conditions = new Evaluator[n];
    List<Compiled> results = new ArrayList<>();
    Compiled operand = c.operand() == null ? null : compile(c.operand());
    for (int i = 0; i < n; i++) {
      WhenClause w = c.whens().get(i);
      if (operand != null) {
        conditions[i] = Comparisons.equality(c, operand, compile(w.condition()));
      } else {
        Compiled cond = compile(w.condition());
        if (cond.type() != null && cond.type().base() != SqlBaseType.BOOLEAN) {
          throw new KsqlException("WHEN operand type should be boolean.\nType for '" + w.condition() + "' is " + cond.type());
        }
        conditions[i] = cond.evaluator();
      }
      results.add(compile(w.result()));
    }
    if (c.elseValue() != null) {
      results.add(compile(c.elseValue()));
    }
    SqlType type = Coercion.commonType(results, "Invalid Case expression. Type for all 'THEN' clauses should be the same.");
    Evaluator[] values = new Evaluator[results.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = Coercion.to(results.get(i), type);
    }
    Evaluator elseValue = c.elseValue() == null ? row -> null : values[n];
    return new Compiled(c, type, row -> {
      for (int i = 0; i < n; i++) {
        if (Boolean.TRUE.equals(conditions[i].eval(row))) {
          return values[i].eval(row);
        }
      }
      return elseValue.eval(row);
    }, false);
  }

  private Compiled array(ArrayConstructor a) {
    List<Compiled> elements = a.elements().stream().map(this::compile).toList();
    SqlType element = Coercion.commonType(elements, "invalid input syntax for ARRAY constructor " + a);
    if (element == null) {
      throw new KsqlException("Cannot construct an array with all NULL elements (line: " + a.pos().line()
          + ", col: " + a.pos().column() + "). As a workaround, you may cast a NULL value to the desired type.");
    }
    Evaluator[] evs = elements.stream().map(c -> Coercion.to(c, element)).toArray(Evaluator[]::new);
    return new Compiled(a, SqlType.array(element), row -> {
      List<Object> out = new ArrayList<>(evs.length);
      for (Evaluator ev : evs) {
        out.add(ev.eval(row));
      }
      return out;
    }, false);
  }

  private Compiled map(MapConstructor m) {
    List<Compiled> keys = m.entries().stream().map(e -> compile(e.key())).toList();
    List<Compiled> values = m.entries().stream().map(e -> compile(e.value())).toList();
    SqlType k = Coercion.commonType(keys, "invalid input syntax for MAP keys " + m);
    SqlType v = Coercion.commonType(values, "invalid input syntax for MAP values " + m);
    if (k == null || v == null) {
      throw new KsqlException("Cannot construct a map with all NULL keys or values: " + m);
    }
    Evaluator[] ks = keys.stream().map(c -> Coercion.to(c, k)).toArray(Evaluator[]::new);
    Evaluator[] vs = values.stream().map(c -> Coercion.to(c, v)).toArray(Evaluator[]::new);
    return new Compiled(m, SqlType.map(k, v), row -> {
      Map<Object, Object> out = new LinkedHashMap<>();
      for (int i = 0; i < ks.length; i++) {
        out.put(ks[i].eval(row), vs[i].eval(row));
      }
      return out;
    }, false);
  }

  private Compiled struct(StructConstructor s) {
    List<SqlType.Field> fields = new ArrayList<>();
    List<Evaluator> evs = new ArrayList<>();
    for (StructField f : s.fields()) {
      Compiled c = compile(f.value());
      if (c.type() == null) {
        throw new KsqlException("Cannot infer the type of NULL struct field " + f.name() + ": cast it");
      }
      fields.add(new SqlType.Field(f.name(), c.type()));
      evs.add(c.evaluator());
    }
    SqlType.Struct type = new SqlType.Struct(fields);
    Evaluator[] es = evs.toArray(new Evaluator[0]);
    return new Compiled(s, type, row -> {
      Object[] values = new Object[es.length];
      for (int i = 0; i < es.length; i++) {
        values[i] = es[i].eval(row);
      }
      return new KsqlStruct(type, values);
    }, false);
  }

  private Compiled call(FunctionCall f) {
    if (functions.isAggregate(f.name())) {
      throw new KsqlException("Aggregate function " + f.name() + " cannot be used in " + clause
          + ": aggregates are only allowed in the SELECT and HAVING clauses of a GROUP BY query: " + f);
    }
    if (functions.isTableFunction(f.name())) {
      throw new KsqlException("Table function " + f.name() + " can only be used in the SELECT clause of a query "
          + "over a stream: " + f);
    }
    ScalarFunction fn = functions.scalar(f.name())
        .orElseThrow(() -> new KsqlException("Can't find any functions with the name '" + f.name() + "'"));
    ScalarFunction.ResolvedCall resolved = fn.resolve(arguments(f), f.toString());
    // Constant-folding would hide non-deterministic functions such as RANDOM(); keep it per row.
    return new Compiled(f, resolved.returnType(), resolved.evaluator(), false);
  }

  /** Arguments of a call, compiled against this layout. */
  public List<CallArg> arguments(FunctionCall f) {
    List<CallArg> args = new ArrayList<>();
    for (Expression a : f.args()) {
      if (a instanceof TimeUnitArg u) {
        args.add(new CallArg.Unit(timeUnit(u.unit())));
      } else if (isTimeUnitKeyword(a)) {
        args.add(new CallArg.Unit(timeUnit(((ColumnRef) a).name())));
      } else if (a instanceof Lambda l) {
        args.add(new CallArg.LambdaArg(l.params().size(), types -> lambda(l, types)));
      } else {
        Compiled c = compile(a);
        args.add(new CallArg.Value(c.type(), c.evaluator(), c.constant()));
      }
    }
    return args;
  }

  private CallArg.CompiledLambda lambda(Lambda l, List<SqlType> paramTypes) {
    RowLayout inner = layout.copy();
    int base = inner.size();
    for (int i = 0; i < l.params().size(); i++) {
      inner.add(null, l.params().get(i), paramTypes.get(i));
    }
    Compiled body = new ExpressionCompiler(functions, inner, clause).compile(l.body());
    Evaluator ev = body.evaluator();
    int arity = l.params().size();
    return new CallArg.CompiledLambda(body.type(), (row, params) -> {
      Object[] extended = Arrays.copyOf(row, base + arity);
      System.arraycopy(params, 0, extended, base, arity);
      return ev.eval(extended);
    });
  }

  /** Unit keywords such as SECONDS parse as column names; one that is no column is the unit. */
  private boolean isTimeUnitKeyword(Expression e) {
    if (!(e instanceof ColumnRef ref) || ref.qualifier() != null || layout.resolve(ref) != null) {
      return false;
    }
    String plural = ref.name().endsWith("S") ? ref.name() : ref.name() + "S";
    return java.util.Set.of("MILLISECONDS", "SECONDS", "MINUTES", "HOURS", "DAYS").contains(plural);
  }

  private static TimeUnit timeUnit(String unit) {
    String plural = unit.endsWith("S") ? unit : unit + "S";
    return TimeUnit.valueOf(plural);
  }
}
