package io.rtdp.ksql.engine.planner;

import io.rtdp.ksql.engine.KsqlException;
import io.rtdp.ksql.engine.UnsupportedFeatureException;
import io.rtdp.ksql.engine.expression.Compiled;
import io.rtdp.ksql.engine.expression.Evaluator;
import io.rtdp.ksql.engine.expression.ExpressionCompiler;
import io.rtdp.ksql.engine.expression.ExpressionWalker;
import io.rtdp.ksql.engine.expression.RowLayout;
import io.rtdp.ksql.engine.expression.UnknownColumnException;
import io.rtdp.ksql.engine.function.AggregateFunction;
import io.rtdp.ksql.engine.function.CallArg;
import io.rtdp.ksql.engine.function.FunctionRegistry;
import io.rtdp.ksql.engine.metastore.DataSource;
import io.rtdp.ksql.engine.parser.Expression;
import io.rtdp.ksql.engine.parser.Query;
import io.rtdp.ksql.engine.parser.WindowSpec;
import io.rtdp.ksql.engine.schema.Column;
import io.rtdp.ksql.engine.schema.LogicalSchema;
import io.rtdp.ksql.engine.schema.SqlType;
import io.rtdp.ksql.engine.schema.SystemColumns;
import io.rtdp.ksql.engine.topology.AggregateSpec;
import io.rtdp.ksql.engine.topology.BuiltTopology;
import io.rtdp.ksql.engine.topology.ProcessingLog;
import io.rtdp.ksql.engine.topology.RowInput;
import io.rtdp.ksql.engine.topology.TopologyFactory;
import io.rtdp.ksql.udf.Udaf;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * GROUP BY with its aggregate calls, HAVING and WINDOW (tumbling, hopping, session; EMIT FINAL),
 * over the rows of one source or of a join. The grouping expressions become the sink's key.
 */
final class AggregationPlanner {
  private final FunctionRegistry functions;
  private final ProcessingLog log;
  private final OutputPlanner outputs;

  AggregationPlanner(FunctionRegistry functions, ProcessingLog log, OutputPlanner outputs) {
    this.functions = functions;
    this.log = log;
    this.outputs = outputs;
  }

  /**
   * GROUP BY over rows from {@code input}. {@code source} is the (left-most) source, whose formats the
   * sink inherits; {@code inputIsTable} says whether the rows form a table (undo needed).
   */
  PlannedQuery plan(String queryId, Query query, DataSource source, boolean inputIsTable,
      Input input, RowLayout layout, List<SelectColumn> select, QueryPlanner.Target target, String sql) {
    checkClauses(query, source, inputIsTable, target.isTransient());
    ExpressionCompiler whereCompiler = new ExpressionCompiler(functions, layout, "WHERE");
    Compiled where = query.where() == null ? null : Clauses.compile(whereCompiler, query.where(), "WHERE", true);
    ExpressionCompiler groupCompiler = new ExpressionCompiler(functions, layout, "GROUP BY");
    List<Compiled> groups = new ArrayList<>();
    for (Expression g : query.groupBy()) {
      groups.add(Clauses.compile(groupCompiler, g, "GROUP BY", false));
    }

    Map<String, Expression.FunctionCall> calls = aggregateCalls(query, select);
    ExpressionCompiler argCompiler = new ExpressionCompiler(functions, layout, "SELECT");
    List<Udaf<Object, Object, Object>> udafs = new ArrayList<>();
    List<Evaluator> args = new ArrayList<>();
    List<SqlType> resultTypes = new ArrayList<>();
    for (Expression.FunctionCall call : calls.values()) {
      AggregateFunction.ResolvedAggregate resolved =
          resolveAggregate(call, argCompiler, inputIsTable, query.from().left().alias());
      udafs.add(resolved.udaf());
      resultTypes.add(resolved.returnType());
      args.add(columnArguments(call, resolved, argCompiler, query.from().left().alias()));
    }

    RowLayout post = postAggregationLayout(query, layout, groups, new ArrayList<>(calls.keySet()), resultTypes);
    for (SelectColumn c : select) {
      if (findGroupKey(query.groupBy(), c) == null) {
        compileAggregated(new ExpressionCompiler(functions, post, "SELECT"), c);
      }
    }
    List<SelectColumn> keyColumns = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (Expression g : query.groupBy()) {
      SelectColumn match = Clauses.findProjected(select, g);
      if (match == null) {
        missing.add(g.toString());
      }
      // A transient query need not project the grouping expressions: the key's slot stays empty.
      keyColumns.add(match);
    }
    if (!missing.isEmpty() && !target.isTransient()) {
      throw Clauses.notInProjection(target.name(), "grouping expression", missing, missing.get(0));
    }
    ExpressionCompiler projectionCompiler = new ExpressionCompiler(functions, post, "SELECT");
    List<Column> key = new ArrayList<>();
    List<Column> value = new ArrayList<>();
    List<Evaluator> projection = new ArrayList<>();
    ResultOrder order = new ResultOrder();
    for (int i = 0; i < keyColumns.size(); i++) {
      if (keyColumns.get(i) != null) {
        key.add(new Column(keyColumns.get(i).name(), groups.get(i).type(), Column.Namespace.KEY));
      }
    }
    for (SelectColumn c : select) {
      if (keyColumns.contains(c)) {
        order.key(c.name(), groups.get(keyColumns.indexOf(c)).type(), keyColumns.indexOf(c));
        continue;
      }
      Compiled e = compileAggregated(projectionCompiler, c);
      value.add(new Column(c.name(), Clauses.typeOf(e, c), Column.Namespace.VALUE));
      projection.add(e.evaluator());
      order.value(c, Clauses.typeOf(e, c), query.window() != null);
    }
    Compiled having = query.having() == null ? null
        : Clauses.compile(new ExpressionCompiler(functions, post, "HAVING"), query.having(), "HAVING", true);
    OutputPlanner.Output output = outputs.resolve(target, source, new LogicalSchema(key, value), windowInfo(query),
        sql, order, true);
    boolean keyUnchanged = input.keyedBySource() && groupIsSourceKey(query.groupBy(), source);
    TopologyFactory factory = new TopologyFactory(queryId, log);
    BuiltTopology built = factory.aggregate(input.rows().apply(factory), output.output(),
        where == null ? null : where.evaluator(), groups.stream().map(Compiled::evaluator).toArray(Evaluator[]::new),
        keyUnchanged, new AggregateSpec(udafs, args, log, queryId), query.window(),
        query.emit() == Query.Emit.FINAL, having == null ? null : having.evaluator(),
        projection.toArray(new Evaluator[0]));
    return new PlannedQuery(queryId, output.sink(), built.topology(), input.topics(), built.materialization(),
        order.columns());
  }

  /**
   * The rows an aggregation reads: built per query (processor names are per topology), whether
   * they are still keyed by the source key, and the topics they come from.
   */
  record Input(Function<TopologyFactory, RowInput> rows, boolean keyedBySource, List<String> topics) {}

  /** What GROUP BY, WINDOW and WHERE may not contain, checked before anything compiles. */
  private void checkClauses(Query query, DataSource source, boolean inputIsTable, boolean transientQuery) {
    // A push query may aggregate all rows into one group (its key is empty); a table cannot.
    if (query.groupBy().isEmpty() && !transientQuery) {
      throw new UnsupportedFeatureException("Aggregation without GROUP BY is not supported yet");
    }
    if (inputIsTable && query.window() != null) {
      throw new KsqlException("Windowed aggregations are not supported on tables: " + source.name());
    }
    for (Expression g : query.groupBy()) {
      List<Expression> inGroup = Clauses.aggregateCalls(functions, g);
      if (!inGroup.isEmpty()) {
        throw new KsqlException("GROUP BY does not support aggregate functions: "
            + ((Expression.FunctionCall) inGroup.get(0)).name() + " is an aggregate function.");
      }
    }
    if (query.where() != null && !Clauses.aggregateCalls(functions, query.where()).isEmpty()) {
      throw new KsqlException("WHERE clause can not contain aggregate functions: " + query.where());
    }
  }

  /** The sink's window: its type, and its size unless sessions, whose size varies. */
  private static DataSource.WindowInfo windowInfo(Query query) {
    if (query.window() == null) {
      return null;
    }
    return new DataSource.WindowInfo(query.window().type().name(),
        query.window().type() == WindowSpec.Type.SESSION ? null : query.window().sizeMs());
  }

  /** The distinct aggregate calls of SELECT and HAVING, by their text, in order of appearance. */
  private Map<String, Expression.FunctionCall> aggregateCalls(Query query, List<SelectColumn> select) {
    Map<String, Expression.FunctionCall> calls = new LinkedHashMap<>();
    for (SelectColumn c : select) {
      Clauses.aggregateCalls(functions, c.expression())
          .forEach(a -> calls.putIfAbsent(a.toString(), (Expression.FunctionCall) a));
    }
    if (query.having() != null) {
      Clauses.aggregateCalls(functions, query.having())
          .forEach(a -> calls.putIfAbsent(a.toString(), (Expression.FunctionCall) a));
    }
    if (calls.isEmpty()) {
      for (SelectColumn c : select) {
        for (Expression f : ExpressionWalker.find(c.expression(), e -> e instanceof Expression.FunctionCall)) {
          String name = ((Expression.FunctionCall) f).name();
          if (functions.scalar(name).isEmpty() && !functions.isTableFunction(name)) {
            throw new KsqlException("Can't find any functions with the name '" + name + "'");
          }
        }
      }
      throw new KsqlException("GROUP BY requires aggregate functions in either the SELECT or HAVING clause.");
    }
    for (SelectColumn c : select) {
      if (!ExpressionWalker.find(c.expression(),
          e -> e instanceof Expression.FunctionCall f && functions.isTableFunction(f.name())).isEmpty()) {
        throw new KsqlException("Table functions cannot be used with aggregations.");
      }
    }
    return calls;
  }

  /** The rows after aggregation: grouping values, aggregate results, WINDOWSTART, WINDOWEND. */
  private static RowLayout postAggregationLayout(Query query, RowLayout layout, List<Compiled> groups,
      List<String> callTexts, List<SqlType> resultTypes) {
    RowLayout post = new RowLayout();
    String alias = query.from().left().alias();
    for (int i = 0; i < groups.size(); i++) {
      Expression g = query.groupBy().get(i);
      if (g instanceof Expression.ColumnRef r) {
        post.add(layout.resolve(r).source(), r.name(), groups.get(i).type());
      } else {
        post.addComputed(g.toString(), groups.get(i).type());
      }
    }
    for (int i = 0; i < callTexts.size(); i++) {
      post.addComputed(callTexts.get(i), resultTypes.get(i));
    }
    boolean windowed = query.window() != null;
    post.add(windowed ? alias : null, windowed ? SystemColumns.WINDOWSTART : "$WINDOWSTART", SqlType.BIGINT);
    post.add(windowed ? alias : null, windowed ? SystemColumns.WINDOWEND : "$WINDOWEND", SqlType.BIGINT);
    return post;
  }

  /** A projected column over the aggregated rows, where only grouped columns and aggregates exist. */
  private static Compiled compileAggregated(ExpressionCompiler post, SelectColumn c) {
    try {
      return Clauses.compile(post, c.expression(), "SELECT", false);
    } catch (UnknownColumnException ex) {
      if (SystemColumns.isWindowBound(ex.column().name())) {
        throw new KsqlException("Window bounds column " + ex.column().name()
            + " can only be used in the SELECT clause of windowed aggregations");
      }
      throw new KsqlException("Non-aggregate SELECT expression(s) not part of GROUP BY: " + c.expression());
    }
  }

  /** The grouping expression a projected column is, or null. */
  private static Expression findGroupKey(List<Expression> groupBy, SelectColumn c) {
    for (Expression g : groupBy) {
      if (Clauses.findProjected(List.of(c), g) != null) {
        return g;
      }
    }
    return null;
  }

  private AggregateFunction.ResolvedAggregate resolveAggregate(Expression.FunctionCall call,
      ExpressionCompiler compiler, boolean inputIsTable, String alias) {
    AggregateFunction fn = functions.aggregate(call.name()).orElseThrow();
    for (Expression a : call.args()) {
      if (!Clauses.aggregateCalls(functions, a).isEmpty()) {
        throw new KsqlException("Aggregate functions can not be nested: " + call);
      }
    }
    List<CallArg.Value> values = new ArrayList<>();
    values.add(value(compiler.compile(firstArgumentExpression(call, alias))));
    for (int i = 1; i < call.args().size(); i++) {
      values.add(value(compiler.compile(call.args().get(i))));
    }
    AggregateFunction.ResolvedAggregate resolved = fn.resolve(values, call.toString());
    if (inputIsTable && !resolved.undoable()) {
      throw new KsqlException("The aggregation function(s) " + call.name()
          + " cannot be applied to a table source, only to a stream source.");
    }
    return resolved;
  }

  private static CallArg.Value value(Compiled c) {
    return new CallArg.Value(c.type(), c.evaluator(), c.constant());
  }

  /** COUNT(*), COUNT() and other argument-less calls aggregate ROWTIME (SPEC §1.7). */
  private static Expression firstArgumentExpression(Expression.FunctionCall call, String sourceAlias) {
    if (call.star() || call.args().isEmpty()) {
      return new Expression.ColumnRef(call.pos(), sourceAlias, SystemColumns.ROWTIME);
    }
    return call.args().get(0);
  }

  /** The per-row Udaf input: the first argument, or a tuple of the column arguments (SPEC §6.4). */
  private Evaluator columnArguments(Expression.FunctionCall call, AggregateFunction.ResolvedAggregate resolved,
      ExpressionCompiler compiler, String alias) {
    Evaluator first = compiler.compile(firstArgumentExpression(call, alias)).evaluator();
    if (resolved.columns() == 1) {
      return first;
    }
    Evaluator[] columns = new Evaluator[resolved.columns()];
    columns[0] = first;
    for (int i = 1; i < columns.length; i++) {
      columns[i] = compiler.compile(call.args().get(i)).evaluator();
    }
    return row -> {
      Object[] values = new Object[columns.length];
      for (int i = 0; i < columns.length; i++) {
        values[i] = columns[i].eval(row);
      }
      return resolved.input(values);
    };
  }

  private static boolean groupIsSourceKey(List<Expression> groupBy, DataSource source) {
    List<Column> key = source.schema().key();
    if (groupBy.size() != key.size()) {
      return false;
    }
    for (int i = 0; i < key.size(); i++) {
      if (!(groupBy.get(i) instanceof Expression.ColumnRef r) || !r.name().equals(key.get(i).name())) {
        return false;
      }
    }
    return true;
  }
}
