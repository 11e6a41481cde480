package io.rtdp.ksql.engine.planner;

import io.rtdp.ksql.engine.KsqlException;
import io.rtdp.ksql.engine.UnsupportedFeatureException;
import io.rtdp.ksql.engine.expression.Compiled;
import io.rtdp.ksql.engine.expression.Evaluator;
import io.rtdp.ksql.engine.expression.ExpressionCompiler;
import io.rtdp.ksql.engine.expression.ExpressionWalker;
import io.rtdp.ksql.engine.expression.RowLayout;
import io.rtdp.ksql.engine.function.FunctionRegistry;
import io.rtdp.ksql.engine.function.ScalarFunction;
import io.rtdp.ksql.engine.metastore.DataSource;
import io.rtdp.ksql.engine.parser.Expression;
import io.rtdp.ksql.engine.parser.Query;
import io.rtdp.ksql.engine.schema.Column;
import io.rtdp.ksql.engine.schema.LogicalSchema;
import io.rtdp.ksql.engine.topology.BuiltTopology;
import io.rtdp.ksql.engine.topology.ProcessingLog;
import io.rtdp.ksql.engine.topology.TopologyFactory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A query without aggregation or re-keying: filter, projection and table functions, row by row.
 * The key stays the source's, so the projection must carry the key columns, in the source's order.
 */
final class StatelessPlanner {
  private final FunctionRegistry functions;
  private final ProcessingLog log;
  private final OutputPlanner outputs;

  StatelessPlanner(FunctionRegistry functions, ProcessingLog log, OutputPlanner outputs) {
    this.functions = functions;
    this.log = log;
    this.outputs = outputs;
  }

  PlannedQuery plan(String queryId, Query query, DataSource source, RowLayout layout,
      List<SelectColumn> select, QueryPlanner.Target target, String sql) {
    ExpressionCompiler whereCompiler = new ExpressionCompiler(functions, layout, "WHERE");
    Compiled where = query.where() == null ? null : Clauses.compile(whereCompiler, query.where(), "WHERE", true);
    List<Evaluator> tableFunctions = new ArrayList<>();
    RowLayout projected = withTableFunctions(select, source, query, layout, tableFunctions);
    ExpressionCompiler selectCompiler = new ExpressionCompiler(functions, projected, "SELECT");
    Map<SelectColumn, Compiled> compiled = new LinkedHashMap<>();
    for (SelectColumn c : select) {
      compiled.put(c, Clauses.compile(selectCompiler, c.expression(), "SELECT", false));
    }
    List<SelectColumn> keyColumns;
    Evaluator[] newKey = null;
    if (!query.partitionBy().isEmpty()) {
      // Only PARTITION BY NULL comes here (QueryPlanner sends the others to PartitionByPlanner): no key.
      if (source.isTable()) {
        throw new KsqlException("PARTITION BY is not supported on tables: " + source.name());
      }
      keyColumns = List.of();
      newKey = new Evaluator[0];
    } else {
      keyColumns = sourceKeyColumns(source, select, target);
    }
    List<Column> key = new ArrayList<>();
    List<Column> value = new ArrayList<>();
    List<Evaluator> values = new ArrayList<>();
    ResultOrder order = new ResultOrder();
    for (SelectColumn c : select) {
      Compiled e = compiled.get(c);
      if (keyColumns.contains(c)) {
        key.add(new Column(c.name(), Clauses.typeOf(e, c), Column.Namespace.KEY));
        order.key(c.name(), Clauses.typeOf(e, c), keyColumns.indexOf(c));
      } else {
        value.add(new Column(c.name(), Clauses.typeOf(e, c), Column.Namespace.VALUE));
        values.add(e.evaluator());
        order.value(c, Clauses.typeOf(e, c), source.isWindowed());
      }
    }
    key.sort(Comparator.comparingInt(k -> keyColumns.indexOf(
        keyColumns.stream().filter(s -> s != null && s.name().equals(k.name())).findFirst().orElseThrow())));
    if (newKey == null && !target.isTransient() && !keyOrderMatchesSource(keyColumns, source)) {
      throw new UnsupportedFeatureException("Reordering key columns is not supported yet");
    }
    OutputPlanner.Output output = outputs.resolve(target, source, new LogicalSchema(key, value), source.window(), sql,
        order, source.isTable());
    Evaluator timestamp = SinkPlanner.timestamp(target, select, compiled);
    BuiltTopology built = new TopologyFactory(queryId, log).stateless(source, output.output(),
        where == null ? null : where.evaluator(), newKey, values.toArray(new Evaluator[0]), timestamp, layout.size(),
        tableFunctions.toArray(new Evaluator[0]));
    return new PlannedQuery(queryId, output.sink(), built.topology(), List.of(source.topic()),
        built.materialization(), order.columns());
  }

  /**
   * The projected columns that carry the source's key columns, each exactly once, in key order. A
   * transient query need not project them (null entries) and may project them more than once (the
   * first one is the key).
   */
  private static List<SelectColumn> sourceKeyColumns(DataSource source, List<SelectColumn> select,
      QueryPlanner.Target target) {
    List<SelectColumn> keyColumns = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (Column k : source.schema().key()) {
      List<SelectColumn> refs = select.stream()
          .filter(c -> c.expression() instanceof Expression.ColumnRef r && r.name().equals(k.name())).toList();
      if (target.isTransient()) {
        keyColumns.add(refs.isEmpty() ? null : refs.get(0));
      } else if (refs.isEmpty()) {
        missing.add(k.name());
      } else if (refs.size() > 1) {
        throw new KsqlException("The projection contains a key column (`" + k.name() + "`) more than once, "
            + "aliased as: " + refs.get(0).name() + " and " + refs.get(1).name() + ".");
      } else {
        keyColumns.add(refs.get(0));
      }
    }
    if (!missing.isEmpty()) {
      throw Clauses.notInProjection(target.name(), "key column", missing, String.join(", ", missing));
    }
    return keyColumns;
  }

  /**
   * Table function calls of the projection become slots after the source row, filled per output
   * row; returns the layout the projection compiles against.
   */
  private RowLayout withTableFunctions(List<SelectColumn> select, DataSource source, Query query, RowLayout layout,
      List<Evaluator> evaluators) {
    Map<String, Expression.FunctionCall> calls = new LinkedHashMap<>();
    for (SelectColumn c : select) {
      ExpressionWalker.find(c.expression(), e -> e instanceof Expression.FunctionCall f && functions.isTableFunction(f.name()))
          .forEach(e -> calls.putIfAbsent(e.toString(), (Expression.FunctionCall) e));
    }
    if (calls.isEmpty()) {
      return layout;
    }
    if (source.isTable()) {
      throw new KsqlException("Table source is not supported with table functions");
    }
    if (!query.partitionBy().isEmpty()) {
      throw new UnsupportedFeatureException("PARTITION BY together with table functions is not supported yet");
    }
    RowLayout extended = layout.copy();
    ExpressionCompiler argCompiler = new ExpressionCompiler(functions, layout, "SELECT");
    for (Expression.FunctionCall call : calls.values()) {
      ScalarFunction.ResolvedCall resolved = functions.table(call.name()).orElseThrow()
          .resolve(argCompiler.arguments(call), call.toString());
      evaluators.add(resolved.evaluator());
      extended.addComputed(call.toString(), resolved.returnType());
    }
    return extended;
  }

  private static boolean keyOrderMatchesSource(List<SelectColumn> keyColumns, DataSource source) {
    for (int i = 0; i < keyColumns.size(); i++) {
      Expression.ColumnRef r = (Expression.ColumnRef) keyColumns.get(i).expression();
      if (!r.name().equals(source.schema().key().get(i).name())) {
        return false;
      }
    }
    return true;
  }
}
