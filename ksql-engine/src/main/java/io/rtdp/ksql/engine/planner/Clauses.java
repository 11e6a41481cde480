package io.rtdp.ksql.engine.planner;

import io.rtdp.ksql.engine.KsqlException;
import io.rtdp.ksql.engine.UnsupportedFeatureException;
import io.rtdp.ksql.engine.expression.Compiled;
import io.rtdp.ksql.engine.expression.ExpressionCompiler;
import io.rtdp.ksql.engine.expression.ExpressionWalker;
import io.rtdp.ksql.engine.expression.UnknownColumnException;
import io.rtdp.ksql.engine.function.FunctionRegistry;
import io.rtdp.ksql.engine.parser.Expression;
import io.rtdp.ksql.engine.parser.Query;
import io.rtdp.ksql.engine.schema.SqlType;
import java.util.ArrayList;
import java.util.List;

/**
 * What every planning step does with a clause: compiles it with the engine's error wording,
 * matches it to a projected column, and says what the projection lacks.
 */
final class Clauses {
  private Clauses() {}

  static Compiled compile(ExpressionCompiler compiler, Expression e, String clause, boolean predicate) {
    try {
      return predicate ? compiler.predicate(e, clause) : compiler.compile(e);
    } catch (UnknownColumnException | UnsupportedFeatureException ex) {
      throw ex;
    } catch (KsqlException ex) {
      if (ex.getMessage().startsWith("Type error") || ex.getMessage().startsWith("Can't find any functions")) {
        throw ex;
      }
      throw new KsqlException("Error in " + clause + " expression: " + ex.getMessage(), ex);
    }
  }

  static SqlType typeOf(Compiled e, SelectColumn c) {
    if (e.type() == null) {
      throw new KsqlException("Can't infer a type of null. Please explicitly cast it to a required type, e.g. "
          + "CAST(null AS VARCHAR): " + c.name());
    }
    return e.type();
  }

  /** The projected column computing the same expression (a column matches by name). */
  static SelectColumn findProjected(List<SelectColumn> select, Expression e) {
    for (SelectColumn c : select) {
      if (e instanceof Expression.ColumnRef r) {
        if (c.expression() instanceof Expression.ColumnRef s && s.name().equals(r.name())) {
          return c;
        }
      } else if (c.expression().toString().equals(e.toString())) {
        return c;
      }
    }
    return null;
  }

  static boolean hasAggregate(FunctionRegistry functions, Query query) {
    List<Expression> roots = new ArrayList<>();
    query.select().forEach(i -> {
      if (i instanceof Query.SingleColumn s) {
        roots.add(s.expression());
      }
    });
    if (query.having() != null) {
      roots.add(query.having());
    }
    return roots.stream().anyMatch(r -> !aggregateCalls(functions, r).isEmpty());
  }

  static List<Expression> aggregateCalls(FunctionRegistry functions, Expression e) {
    return ExpressionWalker.find(e, x -> x instanceof Expression.FunctionCall f && functions.isAggregate(f.name()));
  }

  /** "The query used to build `S` must include the grouping expression X in its projection (eg, SELECT X...)." */
  static KsqlException notInProjection(String sinkName, String what, List<String> missing, String example) {
    return new KsqlException("The query used to build `" + sinkName + "` must include the " + what
        + (missing.size() > 1 ? "s " : " ") + String.join(" and ", missing) + " in its projection (eg, SELECT "
        + example + "...).");
  }
}
