package io.rtdp.ksql.engine.planner;

import io.rtdp.ksql.engine.EngineConfig;
import io.rtdp.ksql.engine.KafkaTopics;
import io.rtdp.ksql.engine.KsqlException;
import io.rtdp.ksql.engine.UnsupportedFeatureException;
import io.rtdp.ksql.engine.analyzer.WithProperties;
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
import io.rtdp.ksql.engine.metastore.MetaStore;
import io.rtdp.ksql.engine.parser.Expression;
import io.rtdp.ksql.engine.parser.Query;
import io.rtdp.ksql.engine.parser.WindowSpec;
import io.rtdp.ksql.engine.schema.Column;
import io.rtdp.ksql.engine.schema.KeyColumns;
import io.rtdp.ksql.engine.schema.LogicalSchema;
import io.rtdp.ksql.engine.schema.SqlType;
import io.rtdp.ksql.engine.schema.SystemColumns;
import io.rtdp.ksql.engine.serde.Format;
import io.rtdp.ksql.engine.serde.FormatOptions;
import io.rtdp.ksql.engine.serde.Formats;
import io.rtdp.ksql.engine.topology.AggregateSpec;
import io.rtdp.ksql.engine.topology.ProcessingLog;
import io.rtdp.ksql.engine.topology.TopologyFactory;
import io.rtdp.ksql.udf.Udaf;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.Topology;

/**
 * Plans a persistent query (CSAS, CTAS, INSERT INTO … SELECT): resolves the source, names and
 * types the result columns, compiles every expression once, and builds the topology.
 */
public final class QueryPlanner {
  private final MetaStore metaStore;
  private final FunctionRegistry functions;
  private final EngineConfig config;
  private final KafkaTopics topics;
  private final ProcessingLog log;

  /** What the statement asks for: the sink's name, kind and WITH clause, or an existing sink. */
  public record Target(String name, DataSource.Kind kind, WithProperties with, DataSource existing) {}

  public QueryPlanner(MetaStore metaStore, FunctionRegistry functions, EngineConfig config, KafkaTopics topics,
      ProcessingLog log) {
    this.metaStore = metaStore;
    this.functions = functions;
    this.config = config;
    this.topics = topics;
    this.log = log;
  }

  public PlannedQuery plan(String queryId, Query query, Target target, String sql) {
    if (query.limit() != null) {
      throw new KsqlException("LIMIT is not supported for persistent queries.");
    }
    if (!query.from().joins().isEmpty()) {
      return planJoin(queryId, query, target, sql);
    }
    Query.AliasedSource from = query.from().left();
    DataSource source = metaStore.source(from.name())
        .orElseThrow(() -> new KsqlException(from.name() + " does not exist."));
    if (source.isWindowed()) {
      if (source.isTable()) {
        throw new KsqlException("KSQL does not support persistent queries on windowed tables.");
      }
      if (!query.groupBy().isEmpty() || !query.partitionBy().isEmpty()) {
        throw new UnsupportedFeatureException("Re-keying or aggregating a windowed source is not supported yet");
      }
    }
    RowLayout layout = sourceLayout(source, from.alias());
    boolean aggregate = !query.groupBy().isEmpty() || hasAggregate(query);
    if (!aggregate && !query.partitionBy().isEmpty() && !partitionsByNull(query)) {
      if (target.kind() != DataSource.Kind.STREAM || source.isTable()) {
        throw new KsqlException("Invalid result type. Your SELECT query produces a TABLE. Please use CREATE TABLE AS "
            + "SELECT statement instead.");
      }
      return planPartitionBy(queryId, query, source, layout, target, sql);
    }
    ExpressionCompiler typer = new ExpressionCompiler(functions, layout, "SELECT");
    List<SelectColumn> select = Projection.resolve(query, source.schema(), from.alias(),
        e -> typer.compile(e).type());
    if (query.window() != null && query.groupBy().isEmpty()) {
      throw new KsqlException("WINDOW clause requires a GROUP BY clause.");
    }
    if (query.emit() == Query.Emit.FINAL && query.window() == null) {
      throw new KsqlException("EMIT FINAL is only supported for windowed aggregations.");
    }
    DataSource.Kind resultKind = aggregate || source.isTable() ? DataSource.Kind.TABLE : DataSource.Kind.STREAM;
    if (resultKind != target.kind()) {
      DataSource.Kind other = resultKind;
      throw new KsqlException("Invalid result type. Your SELECT query produces a " + other.name()
          + ". Please use CREATE " + other.name() + " AS SELECT statement instead.");
    }
    PlannedQuery planned = aggregate
        ? planAggregate(queryId, query, source, source.isTable(),
            new RowInputPlan(f -> f.source(source), true, List.of(source.topic())), layout, select, target, sql)
        : planStateless(queryId, query, source, layout, select, target, sql);
    return planned;
  }

  private static RowLayout sourceLayout(DataSource source, String alias) {
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

  private boolean hasAggregate(Query query) {
    List<Expression> roots = new ArrayList<>();
    query.select().forEach(i -> {
      if (i instanceof Query.SingleColumn s) {
        roots.add(s.expression());
      }
    });
    if (query.having() != null) {
      roots.add(query.having());
    }
    return roots.stream().anyMatch(r -> !aggregateCalls(r).isEmpty());
  }

  private List<Expression> aggregateCalls(Expression e) {
    return ExpressionWalker.find(e, x -> x instanceof Expression.FunctionCall f && functions.isAggregate(f.name()));
  }

  private Compiled compileClause(ExpressionCompiler compiler, Expression e, String clause, boolean predicate) {
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

  // ---- filter / project / partition by ----

  private PlannedQuery planStateless(String queryId, Query query, DataSource source, RowLayout layout,
      List<SelectColumn> select, Target target, String sql) {
    ExpressionCompiler whereCompiler = new ExpressionCompiler(functions, layout, "WHERE");
    Compiled where = query.where() == null ? null : compileClause(whereCompiler, query.where(), "WHERE", true);
    List<Evaluator> tableFunctions = new ArrayList<>();
    RowLayout projected = withTableFunctions(select, source, query, layout, tableFunctions);
    ExpressionCompiler selectCompiler = new ExpressionCompiler(functions, projected, "SELECT");
    Map<SelectColumn, Compiled> compiled = new LinkedHashMap<>();
    for (SelectColumn c : select) {
      compiled.put(c, compileClause(selectCompiler, c.expression(), "SELECT", false));
    }
    List<SelectColumn> keyColumns = new ArrayList<>();
    Evaluator[] newKey = null;
    if (!query.partitionBy().isEmpty()) {
      if (source.isTable()) {
        throw new KsqlException("PARTITION BY is not supported on tables: " + source.name());
      }
      boolean byNull = query.partitionBy().size() == 1 && query.partitionBy().get(0) instanceof Expression.NullLiteral;
      List<Evaluator> keys = new ArrayList<>();
      if (!byNull) {
        ExpressionCompiler partitionCompiler = new ExpressionCompiler(functions, layout, "PARTITION BY");
        List<String> missing = new ArrayList<>();
        for (Expression p : query.partitionBy()) {
          keys.add(compileClause(partitionCompiler, p, "PARTITION BY", false).evaluator());
          SelectColumn match = findProjected(select, p);
          if (match == null) {
            missing.add(p.toString());
          } else {
            keyColumns.add(match);
          }
        }
        if (!missing.isEmpty()) {
          throw new KsqlException("The query used to build `" + target.name() + "` must include the partitioning "
              + "expression" + (missing.size() > 1 ? "s " : " ") + String.join(" and ", missing)
              + " in its projection (eg, SELECT " + missing.get(0) + "...).");
        }
      }
      newKey = keys.toArray(new Evaluator[0]);
    } else {
      List<String> missing = new ArrayList<>();
      for (Column k : source.schema().key()) {
        List<SelectColumn> refs = select.stream()
            .filter(c -> c.expression() instanceof Expression.ColumnRef r && r.name().equals(k.name())).toList();
        if (refs.isEmpty()) {
          missing.add(k.name());
        } else if (refs.size() > 1) {
          throw new KsqlException("The projection contains a key column (`" + k.name() + "`) more than once, "
              + "aliased as: " + refs.get(0).name() + " and " + refs.get(1).name() + ".");
        } else {
          keyColumns.add(refs.get(0));
        }
      }
      if (!missing.isEmpty()) {
        throw new KsqlException("The query used to build `" + target.name() + "` must include the key column"
            + (missing.size() > 1 ? "s " : " ") + String.join(" and ", missing) + " in its projection (eg, SELECT "
            + String.join(", ", missing) + "...).");
      }
    }
    List<Column> key = new ArrayList<>();
    List<Column> value = new ArrayList<>();
    List<Evaluator> values = new ArrayList<>();
    for (SelectColumn c : select) {
      Compiled e = compiled.get(c);
      if (keyColumns.contains(c)) {
        key.add(new Column(c.name(), typeOf(e, c), Column.Namespace.KEY));
      } else {
        value.add(new Column(c.name(), typeOf(e, c), Column.Namespace.VALUE));
        values.add(e.evaluator());
      }
    }
    key.sort(java.util.Comparator.comparingInt(k -> keyColumns.indexOf(
        keyColumns.stream().filter(s -> s.name().equals(k.name())).findFirst().orElseThrow())));
    if (newKey == null && !keyOrderMatchesSource(keyColumns, source)) {
      throw new UnsupportedFeatureException("Reordering key columns is not supported yet");
    }
    DataSource sink = sink(target, source, new LogicalSchema(key, value), source.window(), sql);
    Evaluator timestamp = sinkTimestamp(target, select, compiled);
    Topology topology = new TopologyFactory(queryId, log).stateless(source, sink,
        where == null ? null : where.evaluator(), newKey, values.toArray(new Evaluator[0]), timestamp, layout.size(),
        tableFunctions.toArray(new Evaluator[0]));
    return new PlannedQuery(queryId, sink, topology, List.of(source.topic()));
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
      io.rtdp.ksql.engine.function.ScalarFunction.ResolvedCall resolved = functions.table(call.name()).orElseThrow()
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

  private static SqlType typeOf(Compiled e, SelectColumn c) {
    if (e.type() == null) {
      throw new KsqlException("Can't infer a type of null. Please explicitly cast it to a required type, e.g. "
          + "CAST(null AS VARCHAR): " + c.name());
    }
    return e.type();
  }

  /** The projected column computing the same expression (a column matches by name). */
  private static SelectColumn findProjected(List<SelectColumn> select, Expression e) {
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

  private Evaluator sinkTimestamp(Target target, List<SelectColumn> select, Map<SelectColumn, Compiled> compiled) {
    String column = target.with().string("TIMESTAMP");
    if (column == null) {
      return null;
    }
    String name = io.rtdp.ksql.engine.parser.Names.normalize(column);
    SelectColumn c = select.stream().filter(s -> s.name().equals(name)).findFirst()
        .orElseThrow(() -> new KsqlException("The TIMESTAMP column set in the WITH clause does not exist in the "
            + "schema: '" + name + "'"));
    return compiled.get(c).evaluator();
  }

  // ---- PARTITION BY ----

  private static boolean partitionsByNull(Query query) {
    return query.partitionBy().size() == 1 && query.partitionBy().get(0) instanceof Expression.NullLiteral;
  }

  /**
   * PARTITION BY re-keys before the projection: the new key columns come first, the value columns
   * are the old value columns then the old key columns, minus any column that became a key.
   */
  private PlannedQuery planPartitionBy(String queryId, Query query, DataSource source, RowLayout layout,
      Target target, String sql) {
    if (query.partitionBy().stream().anyMatch(e -> e instanceof Expression.NullLiteral)) {
      throw new KsqlException("Cannot PARTITION BY multiple columns including NULL");
    }
    String alias = query.from().left().alias();
    Compiled where = query.where() == null ? null
        : compileClause(new ExpressionCompiler(functions, layout, "WHERE"), query.where(), "WHERE", true);
    ExpressionCompiler partitionCompiler = new ExpressionCompiler(functions, layout, "PARTITION BY");
    List<Column> newKeys = new ArrayList<>();
    List<Evaluator> keyEvaluators = new ArrayList<>();
    List<String> moved = new ArrayList<>();
    int generated = 0;
    for (Expression p : query.partitionBy()) {
      Compiled c = compileClause(partitionCompiler, p, "PARTITION BY", false);
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
      newKeys.add(new Column(name, typeOf(c, new SelectColumn(name, p)), Column.Namespace.KEY));
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
        Projection.resolve(query, partitioned, alias, e -> selectCompiler.compile(e).type()));
    List<SelectColumn> keyColumns = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (int i = 0; i < newKeys.size(); i++) {
      int keyIndex = i;
      Expression p = query.partitionBy().get(i);
      List<SelectColumn> refs = select.stream().filter(c -> (c.expression() instanceof Expression.ColumnRef r
              && after.resolve(r) != null && after.resolve(r).index() == keyIndex)
          || c.expression().toString().equals(p.toString())).toList();
      if (refs.isEmpty()) {
        missing.add(p.toString());
      } else if (refs.size() > 1) {
        throw new KsqlException("The projection contains a key column (`" + newKeys.get(i).name()
            + "`) more than once, aliased as: " + refs.get(0).name() + " and " + refs.get(1).name() + ".");
      } else {
        SelectColumn chosen = refs.get(0);
        // An un-aliased expression that is the partitioning expression takes the key's name.
        if (!(chosen.expression() instanceof Expression.ColumnRef) && chosen.name().startsWith("KSQL_COL_")) {
          SelectColumn renamed = new SelectColumn(newKeys.get(i).name(), chosen.expression());
          select.set(select.indexOf(chosen), renamed);
          chosen = renamed;
        }
        keyColumns.add(chosen);
      }
    }
    if (!missing.isEmpty()) {
      throw new KsqlException("The query used to build `" + target.name() + "` must include the partitioning "
          + "expression" + (missing.size() > 1 ? "s " : " ") + String.join(" and ", missing)
          + " in its projection (eg, SELECT " + missing.get(0) + "...).");
    }
    List<Column> key = new ArrayList<>();
    List<Column> value = new ArrayList<>();
    List<Evaluator> projection = new ArrayList<>();
    for (SelectColumn c : keyColumns) {
      key.add(new Column(c.name(), newKeys.get(keyColumns.indexOf(c)).type(), Column.Namespace.KEY));
    }
    for (SelectColumn c : select) {
      if (!keyColumns.contains(c)) {
        Compiled e = compileClause(selectCompiler, c.expression(), "SELECT", false);
        value.add(new Column(c.name(), typeOf(e, c), Column.Namespace.VALUE));
        projection.add(e.evaluator());
      }
    }
    if (target.with().string("TIMESTAMP") != null) {
      throw new UnsupportedFeatureException("TIMESTAMP together with PARTITION BY is not supported yet");
    }
    DataSource sink = sink(target, source, new LogicalSchema(key, value), null, sql);
    Topology topology = new TopologyFactory(queryId, log).partitionBy(source, sink,
        where == null ? null : where.evaluator(), keyEvaluators.toArray(new Evaluator[0]),
        relayout.toArray(new Evaluator[0]), projection.toArray(new Evaluator[0]), layout.size());
    return new PlannedQuery(queryId, sink, topology, List.of(source.topic()));
  }

  // ---- joins ----

  private PlannedQuery planJoin(String queryId, Query query, Target target, String sql) {
    boolean aggregate = !query.groupBy().isEmpty() || hasAggregate(query);
    JoinPlanner.Analysis join = new JoinPlanner(metaStore, functions).analyze(query, target.name(), !aggregate);
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
    if (resultKind != target.kind()) {
      throw new KsqlException("Invalid result type. Your SELECT query produces a " + resultKind.name()
          + ". Please use CREATE " + resultKind.name() + " AS SELECT statement instead.");
    }
    RowLayout layout = join.layout();
    if (aggregate) {
      List<String> topics = all.stream().map(DataSource::topic).distinct().toList();
      return planAggregate(queryId, query, left, join.resultIsTable(),
          new RowInputPlan(f -> f.joined(join.spec()), false, topics), layout, join.select(), target, sql);
    }
    Compiled where = query.where() == null ? null
        : compileClause(new ExpressionCompiler(functions, layout, "WHERE"), query.where(), "WHERE", true);
    ExpressionCompiler selectCompiler = new ExpressionCompiler(functions, layout, "SELECT");
    Map<SelectColumn, Compiled> compiled = new LinkedHashMap<>();
    List<Column> value = new ArrayList<>();
    List<Evaluator> values = new ArrayList<>();
    for (SelectColumn c : join.select()) {
      Compiled e = compileClause(selectCompiler, c.expression(), "SELECT", false);
      compiled.put(c, e);
      if (c != join.keyColumn()) {
        value.add(new Column(c.name(), typeOf(e, c), Column.Namespace.VALUE));
        values.add(e.evaluator());
      }
    }
    List<Column> key = List.of(new Column(join.keyColumn().name(), join.keyType(), Column.Namespace.KEY));
    DataSource sink = sink(target, left, new LogicalSchema(key, value), null, sql);
    Evaluator timestamp = sinkTimestamp(target, join.select(), compiled);
    Topology topology = new TopologyFactory(queryId, log).join(join.spec(), sink,
        where == null ? null : where.evaluator(), values.toArray(new Evaluator[0]), timestamp);
    return new PlannedQuery(queryId, sink, topology, all.stream().map(DataSource::topic).distinct().toList());
  }

  // ---- GROUP BY ----

  /**
   * GROUP BY over rows from {@code input}. {@code source} is the (left-most) source, whose formats the
   * sink inherits; {@code inputIsTable} says whether the rows form a table (undo needed).
   */
  private PlannedQuery planAggregate(String queryId, Query query, DataSource source, boolean inputIsTable,
      RowInputPlan input, RowLayout layout, List<SelectColumn> select, Target target, String sql) {
    if (query.groupBy().isEmpty()) {
      throw new UnsupportedFeatureException("Aggregation without GROUP BY is not supported yet");
    }
    if (inputIsTable && query.window() != null) {
      throw new KsqlException("Windowed aggregations are not supported on tables: " + source.name());
    }
    for (Expression g : query.groupBy()) {
      List<Expression> inGroup = aggregateCalls(g);
      if (!inGroup.isEmpty()) {
        throw new KsqlException("GROUP BY does not support aggregate functions: "
            + ((Expression.FunctionCall) inGroup.get(0)).name() + " is an aggregate function.");
      }
    }
    if (query.where() != null && !aggregateCalls(query.where()).isEmpty()) {
      throw new KsqlException("WHERE clause can not contain aggregate functions: " + query.where());
    }
    ExpressionCompiler whereCompiler = new ExpressionCompiler(functions, layout, "WHERE");
    Compiled where = query.where() == null ? null : compileClause(whereCompiler, query.where(), "WHERE", true);
    ExpressionCompiler groupCompiler = new ExpressionCompiler(functions, layout, "GROUP BY");
    List<Compiled> groups = new ArrayList<>();
    for (Expression g : query.groupBy()) {
      groups.add(compileClause(groupCompiler, g, "GROUP BY", false));
    }

    Map<String, Expression.FunctionCall> calls = new LinkedHashMap<>();
    for (SelectColumn c : select) {
      aggregateCalls(c.expression()).forEach(a -> calls.putIfAbsent(a.toString(), (Expression.FunctionCall) a));
    }
    if (query.having() != null) {
      aggregateCalls(query.having()).forEach(a -> calls.putIfAbsent(a.toString(), (Expression.FunctionCall) a));
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
    ExpressionCompiler argCompiler = new ExpressionCompiler(functions, layout, "SELECT");
    List<Udaf<Object, Object, Object>> udafs = new ArrayList<>();
    List<Evaluator> args = new ArrayList<>();
    List<SqlType> resultTypes = new ArrayList<>();
    for (Expression.FunctionCall call : calls.values()) {
      AggregateFunction.ResolvedAggregate resolved = resolveAggregate(call, argCompiler, inputIsTable, query.from().left().alias());
      udafs.add(resolved.udaf());
      resultTypes.add(resolved.returnType());
      args.add(firstArgument(call, argCompiler, query.from().left().alias()));
    }

    // Post-aggregation rows: grouping values, aggregate results, WINDOWSTART, WINDOWEND.
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
    List<String> callTexts = new ArrayList<>(calls.keySet());
    for (int i = 0; i < callTexts.size(); i++) {
      post.addComputed(callTexts.get(i), resultTypes.get(i));
    }
    boolean windowed = query.window() != null;
    post.add(windowed ? alias : null, windowed ? SystemColumns.WINDOWSTART : "$WINDOWSTART", SqlType.BIGINT);
    post.add(windowed ? alias : null, windowed ? SystemColumns.WINDOWEND : "$WINDOWEND", SqlType.BIGINT);

    for (SelectColumn c : select) {
      if (findGroupKey(query.groupBy(), c) == null) {
        try {
          compileClause(new ExpressionCompiler(functions, post, "SELECT"), c.expression(), "SELECT", false);
        } catch (UnknownColumnException ex) {
          if (SystemColumns.isWindowBound(ex.column().name())) {
            throw new KsqlException("Window bounds column " + ex.column().name()
                + " can only be used in the SELECT clause of windowed aggregations");
          }
          throw new KsqlException("Non-aggregate SELECT expression(s) not part of GROUP BY: " + c.expression());
        }
      }
    }
    List<SelectColumn> keyColumns = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (Expression g : query.groupBy()) {
      SelectColumn match = findProjected(select, g);
      if (match == null) {
        missing.add(g.toString());
      } else {
        keyColumns.add(match);
      }
    }
    if (!missing.isEmpty()) {
      throw new KsqlException("The query used to build `" + target.name() + "` must include the grouping expression"
          + (missing.size() > 1 ? "s " : " ") + String.join(" and ", missing) + " in its projection (eg, SELECT "
          + missing.get(0) + "...).");
    }
    ExpressionCompiler projectionCompiler = new ExpressionCompiler(functions, post, "SELECT");
    List<Column> key = new ArrayList<>();
    List<Column> value = new ArrayList<>();
    List<Evaluator> projection = new ArrayList<>();
    for (int i = 0; i < keyColumns.size(); i++) {
      key.add(new Column(keyColumns.get(i).name(), groups.get(i).type(), Column.Namespace.KEY));
    }
    for (SelectColumn c : select) {
      if (keyColumns.contains(c)) {
        continue;
      }
      Compiled e;
      try {
        e = compileClause(projectionCompiler, c.expression(), "SELECT", false);
      } catch (UnknownColumnException ex) {
        if (SystemColumns.isWindowBound(ex.column().name())) {
          throw new KsqlException("Window bounds column " + ex.column().name()
              + " can only be used in the SELECT clause of windowed aggregations");
        }
        throw new KsqlException("Non-aggregate SELECT expression(s) not part of GROUP BY: " + c.expression());
      }
      value.add(new Column(c.name(), typeOf(e, c), Column.Namespace.VALUE));
      projection.add(e.evaluator());
    }
    Compiled having = query.having() == null ? null
        : compileClause(new ExpressionCompiler(functions, post, "HAVING"), query.having(), "HAVING", true);
    DataSource.WindowInfo window = windowed
        ? new DataSource.WindowInfo(query.window().type().name(),
            query.window().type() == WindowSpec.Type.SESSION ? null : query.window().sizeMs())
        : null;
    DataSource sink = sink(target, source, new LogicalSchema(key, value), window, sql);
    boolean keyUnchanged = input.keyedBySource() && groupIsSourceKey(query.groupBy(), source);
    TopologyFactory factory = new TopologyFactory(queryId, log);
    Topology topology = factory.aggregate(input.rows().apply(factory), sink,
        where == null ? null : where.evaluator(), groups.stream().map(Compiled::evaluator).toArray(Evaluator[]::new),
        keyUnchanged, new AggregateSpec(udafs, args, log, queryId), query.window(),
        query.emit() == Query.Emit.FINAL, having == null ? null : having.evaluator(),
        projection.toArray(new Evaluator[0]));
    return new PlannedQuery(queryId, sink, topology, input.topics());
  }

  /**
   * The rows an aggregation reads: built per query (processor names are per topology), whether
   * they are still keyed by the source key, and the topics they come from.
   */
  private record RowInputPlan(java.util.function.Function<TopologyFactory, io.rtdp.ksql.engine.topology.RowInput> rows,
      boolean keyedBySource, List<String> topics) {}

  /** The grouping expression a projected column is, or null. */
  private static Expression findGroupKey(List<Expression> groupBy, SelectColumn c) {
    for (Expression g : groupBy) {
      if (findProjected(List.of(c), g) != null) {
        return g;
      }
    }
    return null;
  }

  private AggregateFunction.ResolvedAggregate resolveAggregate(Expression.FunctionCall call,
      ExpressionCompiler compiler, boolean inputIsTable, String alias) {
    AggregateFunction fn = functions.aggregate(call.name()).orElseThrow();
    for (Expression a : call.args()) {
      if (!aggregateCalls(a).isEmpty()) {
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

  private Evaluator firstArgument(Expression.FunctionCall call, ExpressionCompiler compiler, String alias) {
    return compiler.compile(firstArgumentExpression(call, alias)).evaluator();
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

  // ---- sink ----

  private DataSource sink(Target target, DataSource source, LogicalSchema schema, DataSource.WindowInfo window,
      String sql) {
    if (schema.value().isEmpty()) {
      throw new KsqlException("The projection contains no value columns.");
    }
    KeyColumns.check(schema.key());
    if (target.existing() != null) {
      return checkInsertTarget(target.existing(), schema);
    }
    WithProperties with = target.with();
    String keyFormat = with.keyFormat();
    if (keyFormat == null) {
      keyFormat = schema.key().isEmpty() ? "NONE"
          : source.keyFormat().equals("NONE") ? config.defaultKeyFormat() : source.keyFormat();
    }
    String valueFormat = with.valueFormat() != null ? with.valueFormat() : source.valueFormat();
    Format kf = Formats.of(keyFormat);
    Format vf = Formats.of(valueFormat);
    Boolean wrap = with.bool("WRAP_SINGLE_VALUE");
    if (wrap != null) {
      if (schema.value().size() != 1) {
        throw new KsqlException("'WRAP_SINGLE_VALUE' is only valid for single-field value schemas");
      }
      if (wrap && !vf.supportsWrapping()) {
        throw new KsqlException("Format '" + vf.name() + "' does not support 'WRAP_SINGLE_VALUE' set to 'true'.");
      }
    } else if (schema.value().size() == 1 && config.wrapSingleValues() != null
        && (vf.supportsWrapping() || !config.wrapSingleValues())) {
      wrap = config.wrapSingleValues();
    }
    FormatOptions keyOptions = new FormatOptions(null, with.has("KEY_DELIMITER") ? with.delimiter("KEY_DELIMITER")
        : source.keyOptions().delimiter());
    FormatOptions valueOptions = new FormatOptions(wrap, with.has("VALUE_DELIMITER")
        ? with.delimiter("VALUE_DELIMITER") : source.valueOptions().delimiter());
    kf.validate(schema.key(), true, keyOptions);
    vf.validate(schema.value(), false, valueOptions);
    String topic = with.string("KAFKA_TOPIC") != null ? with.string("KAFKA_TOPIC")
        : config.outputTopicPrefix() + target.name();
    Integer partitions = with.integer("PARTITIONS");
    if (!topics.exists(topic)) {
      topics.create(topic, partitions != null ? partitions : topics.partitions(source.topic()));
    }
    DataSource.TimestampColumn ts = with.string("TIMESTAMP") == null ? null
        : new DataSource.TimestampColumn(io.rtdp.ksql.engine.parser.Names.normalize(with.string("TIMESTAMP")),
            with.string("TIMESTAMP_FORMAT"));
    return new DataSource(target.name(), target.kind(), schema, topic, kf.name(), vf.name(), keyOptions,
        valueOptions, ts, window, false, sql);
  }

  private static DataSource checkInsertTarget(DataSource existing, LogicalSchema schema) {
    if (!existing.schema().equals(schema)) {
      throw new KsqlException("Incompatible schema between results and sink.\nResult schema is " + schema
          + "\nSink schema is " + existing.schema());
    }
    return existing;
  }

}
