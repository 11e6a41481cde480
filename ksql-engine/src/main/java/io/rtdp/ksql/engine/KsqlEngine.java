package io.rtdp.ksql.engine;

import io.rtdp.ksql.engine.analyzer.CreateSourceAnalyzer;
import io.rtdp.ksql.engine.analyzer.InsertValuesExecutor;
import io.rtdp.ksql.engine.analyzer.WithProperties;
import io.rtdp.ksql.engine.function.FunctionDescription;
import io.rtdp.ksql.engine.function.FunctionRegistry;
import io.rtdp.ksql.engine.function.FunctionSummary;
import io.rtdp.ksql.engine.metastore.DataSource;
import io.rtdp.ksql.engine.metastore.MetaStore;
import io.rtdp.ksql.engine.parser.ParseFailedException;
import io.rtdp.ksql.engine.parser.Query;
import io.rtdp.ksql.engine.parser.Statement;
import io.rtdp.ksql.engine.parser.StatementParser;
import io.rtdp.ksql.engine.planner.PlannedQuery;
import io.rtdp.ksql.engine.planner.PullPlanner;
import io.rtdp.ksql.engine.planner.QueryPlanner;
import io.rtdp.ksql.engine.query.PullQuery;
import io.rtdp.ksql.engine.query.PushQuery;
import io.rtdp.ksql.engine.query.ResultRow;
import io.rtdp.ksql.engine.topology.BuiltTopology;
import io.rtdp.ksql.engine.topology.ProcessingLog;
import io.rtdp.ksql.engine.topology.TopologyFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import java.util.function.Consumer;

/**
 * Executes ksqlDB statements against a metastore: DDL changes the metastore, CSAS/CTAS/INSERT
 * INTO plan persistent queries. Plans transient queries: push queries (a topology handing rows to
 * a callback) and pull queries (reads of a persistent query's stores, or a stream's topic).
 * Running the topologies and scans is the caller's business.
 */
public final class KsqlEngine {
  /** Prefix of a transient query's application id, after the service id (SPEC §5.3). */
  public static final String TRANSIENT_PREFIX = "ksql.transient.query.name.prefix";
  private static final Pattern NEGATIVE_LIMIT = Pattern.compile("(?i)\\bLIMIT\\s+-\\s*\\d+\\s*;?\\s*$");
  private static final Pattern DECIMAL_LIMIT = Pattern.compile("(?i)\\bLIMIT\\s+\\d*\\.\\d+\\s*;?\\s*$");

  private final FunctionRegistry functions;
  private final KafkaTopics topics;
  private final ProcessingLog log;
  private final MetaStore metaStore = new MetaStore();
  private final Map<String, PersistentQuery> queries = new LinkedHashMap<>();
  private final Map<String, String> variables = new HashMap<>();
  private EngineConfig config;
  /** The {@code <n>} of the next new query id; see {@link #execute(String, long)}. */
  private long queryIdCounter;

  public KsqlEngine(FunctionRegistry functions, EngineConfig config, KafkaTopics topics, ProcessingLog log) {
    this.functions = functions;
    this.config = config;
    this.topics = topics;
    this.log = log;
  }

  /**
   * A copy of this engine's state (sources, types, queries, variables, query-id generator) that
   * plans against {@code sandboxTopics} with a dry-run schema registry: what it executes changes
   * neither this engine nor Kafka. Cheap: sources and planned queries are immutable and shared.
   */
  public KsqlEngine sandbox(KafkaTopics sandboxTopics) {
    KsqlEngine copy = new KsqlEngine(functions, config.dryRun(), sandboxTopics, log);
    copy.metaStore.copyFrom(metaStore);
    copy.queries.putAll(queries);
    copy.variables.putAll(variables);
    copy.queryIdCounter = queryIdCounter;
    return copy;
  }

  public MetaStore metaStore() {
    return metaStore;
  }

  public List<PersistentQuery> queries() {
    return new ArrayList<>(queries.values());
  }

  public EngineConfig config() {
    return config;
  }

  /** Answers SHOW FUNCTIONS from the registry the engine plans with. */
  public List<FunctionSummary> listFunctions() {
    return functions.summaries();
  }

  /** Answers DESCRIBE FUNCTION; an unknown name is a {@link KsqlException}. */
  public FunctionDescription describeFunction(String name) {
    return functions.describe(name);
  }

  /**
   * Executes the text with the query-id generator set to {@code nextQueryId} first: a server sets
   * it to the command's offset in the command topic, so that every server (and a restarted one)
   * gives a query the same id, {@code CSAS_<SINK>_<offset>} (SPEC §5.2).
   */
  public void execute(String text, long nextQueryId) {
    queryIdCounter = nextQueryId;
    execute(text);
  }

  /**
   * Parses and executes every statement of the text in order; stops at the first failure. New
   * query ids number on from the last (QTT's generator: the first query of a fresh engine is 0).
   */
  public void execute(String text) {
    for (StatementParser.Parsed parsed : parser().parse(VariableSubstitution.apply(text, variables))) {
      execute(parsed);
    }
  }

  private void execute(StatementParser.Parsed parsed) {
    Statement s = parsed.statement();
    if (s instanceof Statement.CreateSource c) {
      createSource(c, parsed.text());
    } else if (s instanceof Statement.CreateAsSelect c) {
      createAsSelect(c, parsed.text());
    } else if (s instanceof Statement.InsertInto i) {
      insertInto(i, parsed.text());
    } else if (s instanceof Statement.InsertValues v) {
      new InsertValuesExecutor(metaStore, functions, topics).execute(v);
    } else if (s instanceof Statement.DropSource d) {
      drop(d);
    } else if (s instanceof Statement.RegisterType t) {
      if (!metaStore.registerType(t.name(), t.type()) && !t.ifNotExists()) {
        throw new KsqlException("Cannot register custom type '" + t.name() + "' since it is already registered");
      }
    } else if (s instanceof Statement.DropType t) {
      if (!metaStore.dropType(t.name()) && !t.ifExists()) {
        throw new KsqlException("Type " + t.name() + " does not exist.");
      }
    } else if (s instanceof Statement.SetProperty p) {
      config = config.with(p.name(), p.value());
    } else if (s instanceof Statement.UnsetProperty p) {
      config = config.with(p.name(), null);
    } else if (s instanceof Statement.DefineVariable d) {
      variables.put(d.name(), d.value());
    } else if (s instanceof Statement.UndefineVariable u) {
      variables.remove(u.name());
    } else if (s instanceof Statement.Terminate t) {
      terminate(t);
    } else {
      throw new UnsupportedFeatureException("Statement not supported by the engine library: "
          + s.getClass().getSimpleName());
    }
  }

  private void createSource(Statement.CreateSource c, String sql) {
    Optional<DataSource> existing = metaStore.source(c.name());
    if (existing.isPresent()) {
      if (c.ifNotExists()) {
        return;
      }
      if (c.orReplace() && (existing.get().readOnly() || c.readOnlySource())) {
        throw new KsqlException("Cannot add " + existing.get().kind().lower() + " '" + c.name()
            + "': CREATE OR REPLACE is not supported on source " + existing.get().kind().lower() + "s.");
      }
      if (!c.orReplace()) {
        throw new KsqlException("Cannot add " + (c.table() ? "table" : "stream") + " '" + c.name() + "': A "
            + existing.get().kind().lower() + " with the same name already exists");
      }
    }
    DataSource source = new CreateSourceAnalyzer(config, topics).analyze(c, sql);
    if (c.readOnlySource() && c.table()) {
      materializeSourceTable(source, sql);
      return;
    }
    metaStore.put(source, c.orReplace());
  }

  /**
   * CREATE SOURCE TABLE: the table lives in the store of an internal query {@code CST_<TABLE>_<n>}
   * (SPEC §5.2), which writes nothing and makes the table queryable by pull queries.
   */
  private void materializeSourceTable(DataSource table, String sql) {
    if (table.isWindowed()) {
      throw new UnsupportedFeatureException("CREATE SOURCE TABLE of a windowed table is not supported yet");
    }
    String queryId = "CST_" + table.name() + "_" + queryIdCounter;
    BuiltTopology built = new TopologyFactory(queryId, log).materialize(table);
    queryIdCounter++;
    metaStore.put(table, false);
    register(new PlannedQuery(queryId, table, built.topology(), List.of(table.topic()), built.materialization(),
        List.of()), sql, true);
  }

  private void createAsSelect(Statement.CreateAsSelect c, String sql) {
    Optional<DataSource> existing = metaStore.source(c.name());
    if (existing.isPresent() && c.ifNotExists()) {
      return;
    }
    if (existing.isPresent() && !c.orReplace()) {
      throw new KsqlException("Cannot add " + (c.table() ? "table" : "stream") + " '" + c.name() + "': A "
          + existing.get().kind().lower() + " with the same name already exists");
    }
    if (existing.isPresent() && existing.get().readOnly()) {
      throw new KsqlException("Cannot add " + existing.get().kind().lower() + " '" + c.name()
          + "': CREATE OR REPLACE is not supported on source " + existing.get().kind().lower() + "s.");
    }
    // CREATE OR REPLACE of a query's sink keeps the query's id (SPEC §5.2).
    Optional<PersistentQuery> replaced = existing.flatMap(e -> creatingQuery(e.name()));
    String queryId = replaced.map(PersistentQuery::id)
        .orElse((c.table() ? "CTAS_" : "CSAS_") + c.name() + "_" + queryIdCounter);
    QueryPlanner.Target target = new QueryPlanner.Target(c.name(),
        c.table() ? DataSource.Kind.TABLE : DataSource.Kind.STREAM, new WithProperties(c.properties()), null);
    PlannedQuery planned = planner().plan(queryId, c.query(), target, sql);
    if (existing.isPresent()) {
      QueryUpgrade.check(existing.get(), planned.sink(), c.query(),
          replaced.map(q -> previousQuery(q.sql())).orElse(null), queryId);
    }
    if (replaced.isEmpty()) {
      queryIdCounter++;
    }
    metaStore.put(planned.sink(), existing.isPresent());
    register(planned, sql, true);
  }

  /** The CSAS/CTAS query that created the source, if a query did. */
  private Optional<PersistentQuery> creatingQuery(String sourceName) {
    return queries.values().stream().filter(q -> q.createsSink() && q.sinkName().equals(sourceName)).findFirst();
  }

  /** The SELECT of a running CSAS/CTAS, parsed again from its statement text. */
  private Query previousQuery(String sql) {
    Statement s = parser().parse(sql).get(0).statement();
    return ((Statement.CreateAsSelect) s).query();
  }

  private void insertInto(Statement.InsertInto i, String sql) {
    DataSource target = metaStore.source(i.target()).orElseThrow(() -> new KsqlException(
        "Cannot insert into an unknown stream/table: `" + i.target() + "`"));
    if (target.isTable()) {
      throw new KsqlException("INSERT INTO can only be used to insert into a stream. " + target.name()
          + " is a table.");
    }
    if (target.readOnly()) {
      throw new KsqlException("Cannot insert into read-only stream: " + target.name());
    }
    WithProperties with = new WithProperties(i.properties());
    String queryId = with.string("QUERY_ID") != null
        ? with.string("QUERY_ID").toUpperCase(java.util.Locale.ROOT) : "INSERTQUERY_" + queryIdCounter;
    QueryPlanner.Target t = new QueryPlanner.Target(target.name(), target.kind(), with, target);
    PlannedQuery planned = planner().plan(queryId, i.query(), t, sql);
    queryIdCounter++;
    register(planned, sql, false);
  }

  private void register(PlannedQuery planned, String sql, boolean createsSink) {
    String appId = "_confluent-ksql-" + config.serviceId() + config.persistentQueryPrefix() + planned.queryId();
    queries.put(planned.queryId(), new PersistentQuery(planned.queryId(), appId, planned.sink().name(),
        planned.sink().topic(), planned.sourceTopics(), planned.topology(), sql, createsSink,
        planned.sink().isTable() ? planned.materialization() : null));
  }

  private void drop(Statement.DropSource d) {
    Optional<DataSource> source = metaStore.source(d.name());
    if (source.isEmpty()) {
      if (d.ifExists()) {
        return;
      }
      throw new KsqlException((d.table() ? "Table " : "Stream ") + d.name() + " does not exist.");
    }
    DataSource s = source.get();
    if (d.deleteTopic() && s.readOnly()) {
      throw new KsqlException("Cannot delete topic for read-only source: " + s.name());
    }
    List<String> readers = new ArrayList<>();
    List<String> writers = new ArrayList<>();
    for (PersistentQuery q : queries.values()) {
      if (q.sourceTopics().contains(s.topic()) && !q.sinkName().equals(s.name())) {
        readers.add(q.id());
      }
      if (q.sinkName().equals(s.name()) && !q.createsSink()) {
        writers.add(q.id());
      }
    }
    if (!readers.isEmpty() || !writers.isEmpty()) {
      throw new KsqlException("Cannot drop " + s.name() + ".\nThe following queries read from this source: "
          + readers + ".\nThe following queries write into this source: " + writers
          + ".\nYou need to terminate them before dropping " + s.name() + ".");
    }
    queries.values().removeIf(q -> q.sinkName().equals(s.name()));
    metaStore.remove(s.name());
  }

  private void terminate(Statement.Terminate t) {
    String id = t.queryId() == null ? null : t.queryId().toUpperCase(java.util.Locale.ROOT);
    // The grammar lets the non-reserved word ALL parse as a query id: TERMINATE ALL unless a
    // query is really named ALL.
    if (id == null || (id.equals("ALL") && !queries.containsKey(id))) {
      queries.clear();
      return;
    }
    if (queries.remove(id) == null) {
      throw new KsqlException("Unknown queryId: " + t.queryId());
    }
  }

  /** Whether a SELECT is a push query (it has an EMIT clause); otherwise it is a pull query. */
  public boolean isPushQuery(String selectText) {
    return select(selectText).emit() != Query.Emit.NONE;
  }

  /**
   * Plans a {@code SELECT … EMIT CHANGES} whose rows go to {@code rows}; nothing of the engine's
   * state changes. {@code overrides} are the request's properties; the ksql.* ones apply here.
   */
  public PushQuery planPush(String selectText, Map<String, Object> overrides, Consumer<ResultRow> rows) {
    Query query = select(selectText);
    EngineConfig requestConfig = withOverrides(overrides);
    String queryId = "transient_" + query.from().left().alias() + "_"
        + ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
    PlannedQuery planned = new QueryPlanner(metaStore, functions, requestConfig, topics, log)
        .plan(queryId, query, QueryPlanner.Target.transientQuery(rows, query.limit()), selectText);
    String applicationId = "_confluent-ksql-" + requestConfig.serviceId()
        + requestConfig.get(TRANSIENT_PREFIX, "transient_") + queryId + "_" + System.currentTimeMillis();
    return new PushQuery(queryId, planned.columns(), planned.topology(), planned.sourceTopics(), query.limit(),
        applicationId);
  }

  /**
   * Plans a pull query (a SELECT without EMIT) on a table materialized by a persistent query, or
   * on a stream; nothing of the engine's state changes.
   */
  public PullQuery planPull(String selectText, Map<String, Object> overrides) {
    Query query = select(selectText);
    return new PullPlanner(metaStore, functions, withOverrides(overrides), queries.values())
        .plan("query_" + System.currentTimeMillis(), query);
  }

  /** The one SELECT statement of a transient query's text. */
  private Query select(String text) {
    List<StatementParser.Parsed> parsed;
    try {
      parsed = parser().parse(VariableSubstitution.apply(text, variables));
    } catch (ParseFailedException e) {
      // The grammar takes only a non-negative integer after LIMIT; ksqlDB parses any number and
      // rejects it with these messages.
      if (NEGATIVE_LIMIT.matcher(text).find()) {
        throw new KsqlException(PullPlanner.NEGATIVE_LIMIT_MESSAGE, e);
      }
      if (DECIMAL_LIMIT.matcher(text).find()) {
        throw new KsqlException("Failed to prepare statement: Value must be integer for command: LIMIT", e);
      }
      throw e;
    }
    if (parsed.size() != 1 || !(parsed.get(0).statement() instanceof Statement.QueryStatement q)) {
      throw new KsqlException("Expected exactly one SELECT statement: " + text);
    }
    return q.query();
  }

  /** A parser that knows the registered custom types. */
  private StatementParser parser() {
    return new StatementParser((name, pos) -> metaStore.type(name).orElseThrow(
        () -> new ParseFailedException("line " + pos.line() + ":" + pos.column() + ": Unknown type: " + name)));
  }

  /** The engine's settings with the request's ksql.* properties on top. */
  private EngineConfig withOverrides(Map<String, Object> overrides) {
    EngineConfig c = config;
    for (Map.Entry<String, Object> e : overrides.entrySet()) {
      if (e.getKey().startsWith("ksql.") && e.getValue() != null) {
        c = c.with(e.getKey(), String.valueOf(e.getValue()));
      }
    }
    return c;
  }

  private QueryPlanner planner() {
    return new QueryPlanner(metaStore, functions, config, topics, log);
  }
}
