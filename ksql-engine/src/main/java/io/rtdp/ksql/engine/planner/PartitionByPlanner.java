package io.rtdp.ksql.engine.planner;

import io.rtdp.ksql.engine.KsqlException;
import io.rtdp.ksql.engine.UnsupportedFeatureException;
import io.rtdp.ksql.engine.expression.Compiled;
import io.rtdp.ksql.engine.expression.Evaluator;
import io.rtdp.ksql.engine.expression.ExpressionCompiler;
import io.rtdp.ksql.engine.expression.RowLayout;
import io.rtdp.ksql.engine.function.FunctionRegistry;
import io.rtdp.ksql.engine.metastore.DataSource;
import io.rtdp.ksql.engine.parser.Expression;
import io.rtdp.ksql.engine.parser.Query;
import io.rtdp.ksql.engine.schema.Column;
import io.rtdp.ksql.engine.schema.LogicalSchema;
import io.rtdp.ksql.engine.schema.SystemColumns;
import io.rtdp.ksql.engine.topology.BuiltTopology;
import io.rtdp.ksql.engine.topology.ProcessingLog;
import io.rtdp.ksql.engine.topology.TopologyFactory;
import java.util.ArrayList;
import java.util.List;

final class PartitionByPlanner {
  private final FunctionRegistry functions;
  private final ProcessingLog log;
  private final OutputPlanner outputs;

  PartitionByPlanner(FunctionRegistry functions, ProcessingLog log, OutputPlanner outputs) {
    this.functions = functions;
    this.log = log;
    this.outputs = outputs;
  }

  /** PARTITION BY NULL drops the key, which the stateless plan does; anything else re-keys here. */
  static boolean partitionsByNull(Query query) {
    return query.partitionBy().size() == 1 && query.partitionBy().get(0) instanceof Expression.NullLiteral;
  }

  /**
   * PARTITION BY re-keys before the projection: the new key columns come first, the value columns
   * are the old value columns then the old key columns, minus any column that became a key.
   */
  PlannedQuery plan(String queryId, Query query, DataSource source, RowLayout layout,
      QueryPlanner.Target target, String sql) {
    if (query.partitionBy().stream().anyMatch(e -> e instanceof Expression.NullLiteral)) {
      throw new KsqlException("Cannot PARTITION BY multiple columns including NULL");
    }
    String alias = query.from().left().alias();
    Compiled where = query.where() == null ? null
        : Clauses.compile(new ExpressionCompiler(functions, layout, "WHERE"), query.where(), "WHERE", true);
    ExpressionCompiler partitionCompiler = new ExpressionCompiler(functions, layout, "PARTITION BY");
    List<Column> newKeys = new ArrayList<>();
    List<Evaluator> keyEvaluators = new ArrayList<>();
    List<String> moved = new ArrayList<>();
    int generated = 0;
    for (Expression p : query.partitionBy()) {
      Compiled c = Clauses.compile(partitionCompiler, p, "PARTITION BY", false);
      String name;
      if (p instanceof Expression.ColumnRef r) {
        name = r.name();
        moved.add(name);
      } else if (p instanceof Expression.Dereference d) {
        name = d.field();
      } else {
        do {
          name = "KSQL_COL_" + generated++;
        } while (source.schema().find(name).isPresent());
      }
      newKeys.add(new Column(name, Clauses.typeOf(c, new SelectColumn(name, p)), Column.Namespace.KEY));
      keyEvaluators.add(c.evaluator());
    }
    List<Column> values = new ArrayList<>();
    List<Evaluator> relayout = new ArrayList<>();
    relayout.addAll(keyEvaluators);
    List<Column> carried = new ArrayList<>(source.schema().value());
    carried.addAll(source.schema().key());
    for (Column c : carried) {
      if (!moved.contains(c.name())) {
        values.add(new Column(c.name(), c.type(), Column.Namespace.VALUE));
        int index = layout.resolve(new Expression.ColumnRef(query.pos(), alias, c.name())).index();
        relayout.add(row -> row[index]);
      }
    }
    LogicalSchema partitioned = new LogicalSchema(newKeys, values);
    RowLayout after = new RowLayout();
    for (Column c : partitioned.columns()) {
      after.add(alias, c.name(), c.type());
    }
    for (String pseudo : List.of(SystemColumns.ROWTIME, SystemColumns.ROWPARTITION, SystemColumns.ROWOFFSET)) {
      RowLayout.Slot slot = layout.resolve(new Expression.ColumnRef(query.pos(), alias, pseudo));
      after.add(alias, pseudo, slot.type());
      relayout.add(row -> row[slot.index()]);
    }
    for (int i = 0; i < newKeys.size(); i++) {
      Expression p = query.partitionBy().get(i);
      if (!(p instanceof Expression.ColumnRef)) {
        after.alias(p.toString(), i, newKeys.get(i).type());
      }
    }
    ExpressionCompiler selectCompiler = new ExpressionCompiler(functions, after, "SELECT");
    List<SelectColumn> select = new ArrayList<>(
        Projection.resolve(query, partitioned, alias, e -> selectCompiler.compile(e).type(), target.isTransient(),
            false));
    List<SelectColumn> keyColumns = projectedKeys(query, newKeys, after, select, target);
    List<Column> key = new ArrayList<>();
    List<Column> value = new ArrayList<>();
    List<Evaluator> projection = new ArrayList<>();
    ResultOrder order = new ResultOrder();
    for (int i = 0; i < keyColumns.size(); i++) {
      if (keyColumns.get(i) != null) {
        key.add(new Column(keyColumns.get(i).name(), newKeys.get(i).type(), Column.Namespace.KEY));
      }
    }
    for (SelectColumn c : select) {
      if (keyColumns.contains(c)) {
        order.key(c.name(), newKeys.get(keyColumns.indexOf(c)).type(), keyColumns.indexOf(c));
      } else {
        Compiled e = Clauses.compile(selectCompiler, c.expression(), "SELECT", false);
        value.add(new Column(c.name(), Clauses.typeOf(e, c), Column.Namespace.VALUE));
        projection.add(e.evaluator());
        order.value(c, Clauses.typeOf(e, c), false);
      }
    }
    if (target.with().string("TIMESTAMP") != null) {
      throw new UnsupportedFeatureException("TIMESTAMP together with PARTITION BY is not supported yet");
    }
    OutputPlanner.Output output = outputs.resolve(target, source, new LogicalSchema(key, value), null, sql, order,
        false);
    BuiltTopology built = new TopologyFactory(queryId, log).partitionBy(source, output.output(),
        where == null ? null : where.evaluator(), keyEvaluators.toArray(new Evaluator[0]),
        relayout.toArray(new Evaluator[0]), projection.toArray(new Evaluator[0]), layout.size());
    return new PlannedQuery(queryId, output.sink(), built.topology(), List.of(source.topic()), null, order.columns());
  }

  /**
   * The projected column of each new key, in PARTITION BY order. An un-aliased expression that is
   * the partitioning expression takes the key's name, in {@code select} too.
   */
  private static List<SelectColumn> projectedKeys(Query query, List<Column> newKeys, RowLayout after,
      List<SelectColumn> select, QueryPlanner.Target target) {
    List<SelectColumn> keyColumns = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (int i = 0; i < newKeys.size(); i++) {
      int keyIndex = i;
      Expression p = query.partitionBy().get(i);
      List<SelectColumn> refs = select.stream().filter(c -> (c.expression() instanceof Expression.ColumnRef r
              && after.resolve(r) != null && after.resolve(r).index() == keyIndex)
          || c.expression().toString().equals(p.toString())).toList();
      if (refs.isEmpty()) {
        // A transient query need not project the new key: the key's slot stays empty.
        keyColumns.add(null);
        missing.add(p.toString());
      } else if (refs.size() > 1) {
        throw new KsqlException("The projection contains a key column (`" + newKeys.get(i).name()
            + "`) more than once, aliased as: " + refs.get(0).name() + " and " + refs.get(1).name() + ".");
      } else {
        SelectColumn chosen = refs.get(0);
        if (!(chosen.expression() instanceof Expression.ColumnRef) && chosen.name().startsWith("KSQL_COL_")) {
          SelectColumn renamed = new SelectColumn(newKeys.get(i).name(), chosen.expression());
          select.set(select.indexOf(chosen), renamed);
          chosen = renamed;
        }
        keyColumns.add(chosen);
      }
    }
    if (!missing.isEmpty() && !target.isTransient()) {
      throw Clauses.notInProjection(target.name(), "partitioning expression", missing, missing.get(0));
    }
    return keyColumns;
  }
}
