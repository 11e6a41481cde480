package io.rtdp.ksql.engine.planner;

import io.rtdp.ksql.engine.EngineConfig;
import io.rtdp.ksql.engine.KafkaTopics;
import io.rtdp.ksql.engine.KsqlException;
import io.rtdp.ksql.engine.UnsupportedFeatureException;
import io.rtdp.ksql.engine.analyzer.WithProperties;
import io.rtdp.ksql.engine.expression.ExpressionCompiler;
import io.rtdp.ksql.engine.expression.RowLayout;
import io.rtdp.ksql.engine.function.FunctionRegistry;
import io.rtdp.ksql.engine.metastore.DataSource;
import io.rtdp.ksql.engine.metastore.MetaStore;
import io.rtdp.ksql.engine.parser.Query;
import io.rtdp.ksql.engine.schema.Column;
import io.rtdp.ksql.engine.schema.SqlType;
import io.rtdp.ksql.engine.schema.SystemColumns;
import io.rtdp.ksql.engine.query.ResultRow;
import io.rtdp.ksql.engine.topology.ProcessingLog;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Plans a persistent query (CSAS, CTAS, INSERT INTO … SELECT) or a push query: resolves the
 * source, checks that the query produces the kind of source the statement creates, and hands the
 * query to the planner of its kind (join, PARTITION BY, aggregation, or row by row). Each of them
 * names and types the result columns, compiles every expression once, and builds the topology,
 * whose last step writes the sink topic or, for a push query, hands rows to a callback.
 */
public final class QueryPlanner {
  /**
   * What the statement asks for: the sink's name, kind and WITH clause, or an existing sink; or,
   * for a transient query, the callback its rows go to and its LIMIT.
   */
  public record Target(String name, DataSource.Kind kind, WithProperties with, DataSource existing,
      Consumer<ResultRow> rows, Integer limit) {
    public Target(String name, DataSource.Kind kind, WithProperties with, DataSource existing) {
      this(name, kind, with, existing, null, null);
    }

    /** A push query: no sink, any result kind, rows to {@code rows}. */
    public static Target transientQuery(Consumer<ResultRow> rows, Integer limit) {
      return new Target(null, null, new WithProperties(Map.of()), null, rows, limit);
    }

    public boolean isTransient() {
      return rows != null;
    }
  }

  private final MetaStore metaStore;
  private final FunctionRegistry functions;
  private final OutputPlanner outputs;
  private final StatelessPlanner stateless;
  private final PartitionByPlanner partitionBy;
  private final AggregationPlanner aggregations;
  private final JoinQueryPlanner joins;

  public QueryPlanner(MetaStore metaStore, FunctionRegistry functions, EngineConfig config, KafkaTopics topics,
      ProcessingLog log) {
    this.metaStore = metaStore;
    this.functions = functions;
    this.outputs = new OutputPlanner(new SinkPlanner(config, topics));
    this.stateless = new StatelessPlanner(functions, log, outputs);
    this.partitionBy = new PartitionByPlanner(functions, log, outputs);
    this.aggregations = new AggregationPlanner(functions, log, outputs);
    this.joins = new JoinQueryPlanner(metaStore, functions, log, outputs, aggregations);
  }

  public PlannedQuery plan(String queryId, Query query, Target target, String sql) {
    if (query.limit() != null && !target.isTransient()) {
      throw new KsqlException(target.existing() != null ? "INSERT INTO statements don't support LIMIT clause."
          : "CREATE " + target.kind().name() + " AS SELECT statements don't support LIMIT clause.");
    }
    if (!query.from().joins().isEmpty()) {
      return joins.plan(queryId, query, target, sql);
    }
    Query.AliasedSource from = query.from().left();
    DataSource source = metaStore.source(from.name())
        .orElseThrow(() -> new KsqlException(from.name() + " does not exist."));
    if (source.isWindowed()) {
      if (source.isTable() && !target.isTransient()) {
        throw new KsqlException("KSQL does not support persistent queries on windowed tables.");
      }
      if (!query.groupBy().isEmpty() || !query.partitionBy().isEmpty()) {
        throw new UnsupportedFeatureException("Re-keying or aggregating a windowed source is not supported yet");
      }
    }
    RowLayout layout = sourceLayout(source, from.alias());
    boolean aggregate = !query.groupBy().isEmpty() || Clauses.hasAggregate(functions, query);
    if (!aggregate && !query.partitionBy().isEmpty() && !PartitionByPlanner.partitionsByNull(query)) {
      if ((!target.isTransient() && target.kind() != DataSource.Kind.STREAM) || source.isTable()) {
        throw wrongResultKind(DataSource.Kind.TABLE);
      }
      return partitionBy.plan(queryId, query, source, layout, target, sql);
    }
    ExpressionCompiler typer = new ExpressionCompiler(functions, layout, "SELECT");
    List<SelectColumn> select = Projection.resolve(query, source.schema(), from.alias(),
        e -> typer.compile(e).type(), target.isTransient(), source.isWindowed());
    if (query.window() != null && query.groupBy().isEmpty()) {
      throw new KsqlException("WINDOW clause requires a GROUP BY clause.");
    }
    if (query.emit() == Query.Emit.FINAL && query.window() == null) {
      throw new KsqlException("EMIT FINAL is only supported for windowed aggregations.");
    }
    DataSource.Kind resultKind = aggregate || source.isTable() ? DataSource.Kind.TABLE : DataSource.Kind.STREAM;
    if (!target.isTransient() && resultKind != target.kind()) {
      throw wrongResultKind(resultKind);
    }
    return aggregate
        ? aggregations.plan(queryId, query, source, source.isTable(),
            new AggregationPlanner.Input(f -> f.source(source), true, List.of(source.topic())), layout, select, target, sql)
        : stateless.plan(queryId, query, source, layout, select, target, sql);
  }

  static KsqlException wrongResultKind(DataSource.Kind produced) {
    return new KsqlException("Invalid result type. Your SELECT query produces a " + produced.name()
        + ". Please use CREATE " + produced.name() + " AS SELECT statement instead.");
  }

  static RowLayout sourceLayout(DataSource source, String alias) {
    RowLayout layout = new RowLayout();
    for (Column c : source.schema().columns()) {
      layout.add(alias, c.name(), c.type());
    }
    layout.add(alias, SystemColumns.ROWTIME, SqlType.BIGINT);
    layout.add(alias, SystemColumns.ROWPARTITION, SqlType.INTEGER);
    layout.add(alias, SystemColumns.ROWOFFSET, SqlType.BIGINT);
    if (source.isWindowed()) {
      layout.add(alias, SystemColumns.WINDOWSTART, SqlType.BIGINT);
      layout.add(alias, SystemColumns.WINDOWEND, SqlType.BIGINT);
    }
    return layout;
  }
}
