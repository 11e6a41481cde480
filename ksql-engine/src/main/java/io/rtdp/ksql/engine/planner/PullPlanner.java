package io.rtdp.ksql.engine.planner;

import io.rtdp.ksql.engine.EngineConfig;
import io.rtdp.ksql.engine.KsqlException;
import io.rtdp.ksql.engine.PersistentQuery;
import io.rtdp.ksql.engine.expression.Compiled;
import io.rtdp.ksql.engine.expression.Evaluator;
import io.rtdp.ksql.engine.expression.ExpressionCompiler;
import io.rtdp.ksql.engine.expression.ExpressionWalker;
import io.rtdp.ksql.engine.expression.RowLayout;
import io.rtdp.ksql.engine.expression.UnknownColumnException;
import io.rtdp.ksql.engine.function.FunctionRegistry;
import io.rtdp.ksql.engine.metastore.DataSource;
import io.rtdp.ksql.engine.metastore.MetaStore;
import io.rtdp.ksql.engine.parser.Expression;
import io.rtdp.ksql.engine.parser.Query;
import io.rtdp.ksql.engine.pull.KeyConditions;
import io.rtdp.ksql.engine.pull.KeyLookup;
import io.rtdp.ksql.engine.pull.RowProjection;
import io.rtdp.ksql.engine.pull.StreamPullQuery;
import io.rtdp.ksql.engine.pull.TablePullQuery;
import io.rtdp.ksql.engine.query.PullQuery;
import io.rtdp.ksql.engine.query.ResultColumn;
import io.rtdp.ksql.engine.schema.Column;
import io.rtdp.ksql.engine.schema.SqlType;
import io.rtdp.ksql.engine.schema.SystemColumns;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Plans a pull query (SPEC §3.2): on a table, a read of the store of the persistent query that
 * materializes it, by key when WHERE fixes every key column; on a stream, a bounded topic scan.
 * Errors carry ksqlDB's wording.
 */
public final class PullPlanner {
  public static final String TABLE_SCAN_ENABLED = "ksql.query.pull.table.scan.enabled";
  public static final String RANGE_SCAN_ENABLED = "ksql.query.pull.range.scan.enabled";
  public static final String LIMIT_CLAUSE_ENABLED = "ksql.query.pull.limit.clause.enabled";
  private static final String HELP = " See https://cnfl.io/queries for more info.";
  public static final String NEGATIVE_LIMIT_MESSAGE =
      "Pull queries don't support negative integers in the LIMIT clause." + HELP;
  private static final String PUSH_HINT = "\nAdd EMIT CHANGES if you intended to issue a push query.";

  private final MetaStore metaStore;
  private final FunctionRegistry functions;
  private final EngineConfig config;
  private final Collection<PersistentQuery> queries;

  public PullPlanner(MetaStore metaStore, FunctionRegistry functions, EngineConfig config,
      Collection<PersistentQuery> queries) {
    this.metaStore = metaStore;
    this.functions = functions;
    this.config = config;
    this.queries = queries;
  }

  public PullQuery plan(String queryId, Query query) {
    checkClauses(query);
    Query.AliasedSource from = query.from().left();
    DataSource source = metaStore.source(from.name())
        .orElseThrow(() -> new KsqlException(from.name() + " does not exist."));
    checkPseudoColumns(query);
    return source.isTable() ? table(queryId, query, source) : stream(queryId, query, source);
  }

  private void checkClauses(Query query) {
    String unsupported = !query.from().joins().isEmpty() ? "JOIN"
        : query.window() != null ? "WINDOW"
        : !query.groupBy().isEmpty() ? "GROUP BY"
        : !query.partitionBy().isEmpty() ? "PARTITION BY"
        : query.having() != null ? "HAVING"
        : query.emit() != Query.Emit.NONE ? "EMIT" : null;
    if (unsupported != null) {
      throw new KsqlException("Pull queries don't support " + unsupported + " clauses." + HELP + PUSH_HINT);
    }
    if (query.limit() != null) {
      if (!Boolean.parseBoolean(config.get(LIMIT_CLAUSE_ENABLED, "true"))) {
        throw new KsqlException("LIMIT clause in pull queries is currently disabled. You can enable them by setting "
            + LIMIT_CLAUSE_ENABLED + "=true." + HELP + PUSH_HINT);
      }
      if (query.limit() < 0) {
        throw new KsqlException(NEGATIVE_LIMIT_MESSAGE);
      }
    }
  }

  /** ROWPARTITION and ROWOFFSET exist only while a record flows through a topology. */
  private static void checkPseudoColumns(Query query) {
    List<Expression> select = new ArrayList<>();
    query.select().forEach(i -> {
      if (i instanceof Query.SingleColumn s) {
        select.add(s.expression());
      }
    });
    checkPseudoColumns(select, "SELECT");
    if (query.where() != null) {
      checkPseudoColumns(List.of(query.where()), "WHERE");
    }
  }

  private static void checkPseudoColumns(List<Expression> roots, String clause) {
    Set<String> found = new LinkedHashSet<>();
    for (Expression root : roots) {
      for (Expression e : ExpressionWalker.find(root, x -> x instanceof Expression.ColumnRef)) {
        String name = ((Expression.ColumnRef) e).name();
        if (name.equals(SystemColumns.ROWPARTITION) || name.equals(SystemColumns.ROWOFFSET)) {
          found.add("`" + name + "`");
        }
      }
    }
    if (!found.isEmpty()) {
      throw new KsqlException("Pull queries don't support the following columns in " + clause + " clauses: "
          + String.join(", ", found));
    }
  }

  private PullQuery stream(String queryId, Query query, DataSource source) {
    String alias = query.from().left().alias();
    RowLayout layout = QueryPlanner.sourceLayout(source, alias);
    Planned planned = project(query, source, layout, false);
    return new StreamPullQuery(queryId, planned.columns(), source, planned.projection(), query.limit());
  }

  private PullQuery table(String queryId, Query query, DataSource table) {
    PersistentQuery materializing = queries.stream()
        .filter(q -> q.sinkName().equals(table.name()) && q.createsSink() && q.materialization() != null)
        .findFirst()
        .orElseThrow(() -> new KsqlException("The `" + table.name() + "` table isn't queryable. To derive a "
            + "queryable table, you can do 'CREATE TABLE QUERYABLE_" + table.name() + " AS SELECT * FROM "
            + table.name() + "'." + HELP + PUSH_HINT));
    String alias = query.from().left().alias();
    RowLayout layout = tableLayout(table, alias);
    checkKeyComparisons(query.where(), table);
    Planned planned = project(query, table, layout, true);
    Long windowSize = table.isWindowed() ? table.window().sizeMs() : null;
    KeyLookup lookup = new KeyConditions(table.schema().key(), table.isWindowed(), windowSize, functions).analyze(query.where(),
        Boolean.parseBoolean(config.get(TABLE_SCAN_ENABLED, "true")),
        Boolean.parseBoolean(config.get(RANGE_SCAN_ENABLED, "true")));
    return new TablePullQuery(queryId, planned.columns(), materializing.id(), materializing.materialization(),
        lookup, windowSize, table.schema().key().size(), table.schema().value().size(), planned.projection(),
        query.limit());
  }

  /** A stored table row: key columns, value columns, ROWTIME, and the window bounds of windowed tables. */
  private static RowLayout tableLayout(DataSource table, String alias) {
    RowLayout layout = new RowLayout();
    for (Column c : table.schema().columns()) {
      layout.add(alias, c.name(), c.type());
    }
    layout.add(alias, SystemColumns.ROWTIME, SqlType.BIGINT);
    if (table.isWindowed()) {
      layout.add(alias, SystemColumns.WINDOWSTART, SqlType.BIGINT);
      layout.add(alias, SystemColumns.WINDOWEND, SqlType.BIGINT);
    }
    return layout;
  }

  /**
   * A key column compared with a string literal of another type: ksqlDB's pull queries reject
   * what persistent queries coerce.
   */
  private static void checkKeyComparisons(Expression where, DataSource table) {
    if (where == null) {
      return;
    }
    for (Expression e : ExpressionWalker.find(where, x -> x instanceof Expression.Comparison)) {
      Expression.Comparison c = (Expression.Comparison) e;
      for (Column key : table.schema().key()) {
        boolean leftKey = c.left() instanceof Expression.ColumnRef r && r.name().equals(key.name());
        Expression other = leftKey ? c.right() : c.left();
        boolean rightKey = c.right() instanceof Expression.ColumnRef r && r.name().equals(key.name());
        if ((leftKey || rightKey) && other instanceof Expression.StringLiteral
            && key.type().base() != io.rtdp.ksql.engine.schema.SqlBaseType.STRING
            && !key.type().base().isTemporal()) {
          throw new KsqlException("Error in WHERE expression: Cannot compare " + c.left() + " ("
              + (leftKey ? key.type() : SqlType.STRING) + ") to " + c.right() + " ("
              + (leftKey ? SqlType.STRING : key.type()) + ") with " + c.op().name() + ".\nStatement: " + where);
        }
      }
    }
  }

  private record Planned(List<ResultColumn> columns, RowProjection projection) {}

  /** The projection (KEY marks only on tables) and WHERE, compiled against the row layout. */
  private Planned project(Query query, DataSource source, RowLayout layout, boolean markKeys) {
    String alias = query.from().left().alias();
    ExpressionCompiler typer = new ExpressionCompiler(functions, layout, "SELECT");
    List<SelectColumn> select = Projection.resolve(query, source.schema(), alias, e -> typer.compile(e).type(),
        true, source.isWindowed());
    Evaluator where = query.where() == null ? null : where(query.where(), layout);
    ExpressionCompiler compiler = new ExpressionCompiler(functions, layout, "SELECT");
    List<ResultColumn> columns = new ArrayList<>();
    List<Evaluator> evaluators = new ArrayList<>();
    for (SelectColumn c : select) {
      Compiled e = Clauses.compile(compiler, c.expression(), "SELECT", false);
      columns.add(new ResultColumn(c.name(), Clauses.typeOf(e, c), markKeys && isKey(c, source)));
      evaluators.add(e.evaluator());
    }
    return new Planned(columns, new RowProjection(where, evaluators.toArray(new Evaluator[0])));
  }

  /** Key columns and, of windowed tables, the window bounds are the key of a table's rows. */
  private static boolean isKey(SelectColumn c, DataSource source) {
    if (!(c.expression() instanceof Expression.ColumnRef r)) {
      return false;
    }
    return source.schema().key().stream().anyMatch(k -> k.name().equals(r.name()))
        || (source.isWindowed() && SystemColumns.isWindowBound(r.name()));
  }

  private Evaluator where(Expression where, RowLayout layout) {
    try {
      return Clauses.compile(new ExpressionCompiler(functions, layout, "WHERE"), where, "WHERE", true).evaluator();
    } catch (UnknownColumnException e) {
      throw new KsqlException("WHERE column '" + e.column().name() + "' cannot be resolved");
    } catch (KsqlException e) {
      String message = e.getMessage();
      if (message.contains("Comparison with NULL not supported") && !message.contains("IS NULL")) {
        message += "\nUse 'IS NULL' or 'IS NOT NULL' instead.";
      }
      throw new KsqlException(message + "\nStatement: " + where, e);
    }
  }
}
