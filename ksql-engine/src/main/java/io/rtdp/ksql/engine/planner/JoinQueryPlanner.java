package io.rtdp.ksql.engine.planner;

import io.rtdp.ksql.engine.KsqlException;
import io.rtdp.ksql.engine.expression.Compiled;
import io.rtdp.ksql.engine.expression.Evaluator;
import io.rtdp.ksql.engine.expression.ExpressionCompiler;
import io.rtdp.ksql.engine.expression.RowLayout;
import io.rtdp.ksql.engine.function.FunctionRegistry;
import io.rtdp.ksql.engine.metastore.DataSource;
import io.rtdp.ksql.engine.metastore.MetaStore;
import io.rtdp.ksql.engine.parser.Query;
import io.rtdp.ksql.engine.schema.Column;
import io.rtdp.ksql.engine.schema.LogicalSchema;
import io.rtdp.ksql.engine.topology.BuiltTopology;
import io.rtdp.ksql.engine.topology.ProcessingLog;
import io.rtdp.ksql.engine.topology.TopologyFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A query over joined sources: checks the sources' formats and the result kind, then projects the
 * joined rows, or hands them to the aggregation when the query groups them.
 */
final class JoinQueryPlanner {
  private final MetaStore metaStore;
  private final FunctionRegistry functions;
  private final ProcessingLog log;
  private final OutputPlanner outputs;
  private final AggregationPlanner aggregations;

  JoinQueryPlanner(MetaStore metaStore, FunctionRegistry functions, ProcessingLog log, OutputPlanner outputs,
      AggregationPlanner aggregations) {
    this.metaStore = metaStore;
    this.functions = functions;
    this.log = log;
    this.outputs = outputs;
    this.aggregations = aggregations;
  }

  PlannedQuery plan(String queryId, Query query, QueryPlanner.Target target, String sql) {
    boolean aggregate = !query.groupBy().isEmpty() || Clauses.hasAggregate(functions, query);
    JoinPlanner.Analysis join = new JoinPlanner(metaStore, functions)
        .analyze(query, target.name(), !aggregate && !target.isTransient());
    DataSource left = join.spec().left();
    List<DataSource> all = new ArrayList<>(List.of(left));
    join.spec().steps().forEach(step -> all.add(step.right()));
    List<String> kafkaSources = new ArrayList<>();
    for (DataSource s : all) {
      if (s.valueFormat().equals("KAFKA")) {
        kafkaSources.add(s.name());
      }
    }
    if (!kafkaSources.isEmpty()) {
      throw new KsqlException("Source(s) " + String.join(", ", kafkaSources) + " are using the 'KAFKA' value format."
          + " This format does not yet support JOIN.");
    }
    DataSource.Kind resultKind = join.resultIsTable() || aggregate ? DataSource.Kind.TABLE : DataSource.Kind.STREAM;
    if (!target.isTransient() && resultKind != target.kind()) {
      throw QueryPlanner.wrongResultKind(resultKind);
    }
    RowLayout layout = join.layout();
    if (aggregate) {
      List<String> topics = all.stream().map(DataSource::topic).distinct().toList();
      return aggregations.plan(queryId, query, left, join.resultIsTable(),
          new AggregationPlanner.Input(f -> f.joined(join.spec()), false, topics), layout, join.select(), target, sql);
    }
    Compiled where = query.where() == null ? null
        : Clauses.compile(new ExpressionCompiler(functions, layout, "WHERE"), query.where(), "WHERE", true);
    ExpressionCompiler selectCompiler = new ExpressionCompiler(functions, layout, "SELECT");
    Map<SelectColumn, Compiled> compiled = new LinkedHashMap<>();
    List<Column> value = new ArrayList<>();
    List<Evaluator> values = new ArrayList<>();
    ResultOrder order = new ResultOrder();
    for (SelectColumn c : join.select()) {
      Compiled e = Clauses.compile(selectCompiler, c.expression(), "SELECT", false);
      compiled.put(c, e);
      if (c == join.keyColumn()) {
        order.key(c.name(), join.keyType(), 0);
      } else {
        value.add(new Column(c.name(), Clauses.typeOf(e, c), Column.Namespace.VALUE));
        values.add(e.evaluator());
        order.value(c, Clauses.typeOf(e, c), false);
      }
    }
    List<Column> key = join.keyColumn() == null ? List.of()
        : List.of(new Column(join.keyColumn().name(), join.keyType(), Column.Namespace.KEY));
    OutputPlanner.Output output = outputs.resolve(target, left, new LogicalSchema(key, value), null, sql, order,
        resultKind == DataSource.Kind.TABLE);
    Evaluator timestamp = SinkPlanner.timestamp(target, join.select(), compiled);
    BuiltTopology built = new TopologyFactory(queryId, log).join(join.spec(), output.output(),
        where == null ? null : where.evaluator(), values.toArray(new Evaluator[0]), timestamp);
    return new PlannedQuery(queryId, output.sink(), built.topology(),
        all.stream().map(DataSource::topic).distinct().toList(), built.materialization(), order.columns());
  }
}
