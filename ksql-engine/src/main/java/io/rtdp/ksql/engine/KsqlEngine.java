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
import io.rtdp.ksql.engine.parser.Statement;
import io.rtdp.ksql.engine.parser.StatementParser;
import io.rtdp.ksql.engine.planner.PlannedQuery;
import io.rtdp.ksql.engine.planner.QueryPlanner;
import io.rtdp.ksql.engine.query.PullQuery;
import io.rtdp.ksql.engine.query.PushQuery;
import io.rtdp.ksql.engine.query.ResultRow;
import io.rtdp.ksql.engine.topology.ProcessingLog;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Executes ksqlDB statements against a metastore: DDL changes the metastore, CSAS/CTAS/INSERT
 * INTO plan persistent queries. Running the queries' topologies is the caller's business.
 */
public final class KsqlEngine {
  private final FunctionRegistry functions;
  private final KafkaTopics topics;
  private final ProcessingLog log;
  private final MetaStore metaStore = new MetaStore();
  private final Map<String, PersistentQuery> queries = new LinkedHashMap<>();
  private final Map<String, String> variables = new HashMap<>();
  private EngineConfig config;
  private long queryIdCounter;

  public KsqlEngine(FunctionRegistry functions, EngineConfig config, KafkaTopics topics, ProcessingLog log) {
    this.functions = functions;
    this.config = config;
    this.topics = topics;
    this.log = log;
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

  /** Parses and executes every statement of the text in order; stops at the first failure. */
  public void execute(String text) {
    StatementParser parser = new StatementParser((name, pos) -> metaStore.type(name).orElseThrow(
        () -> new ParseFailedException("line " + pos.line() + ":" + pos.column() + ": Unknown type: " + name)));
    for (StatementParser.Parsed parsed : parser.parse(VariableSubstitution.apply(text, variables))) {
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
    if (c.readOnlySource() && c.table()) {
      throw new UnsupportedFeatureException("CREATE SOURCE TABLE is not supported yet");
    }
    DataSource source = new CreateSourceAnalyzer(config, topics).analyze(c, sql);
    metaStore.put(source, c.orReplace());
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
    if (existing.isPresent()) {
      throw new UnsupportedFeatureException("CREATE OR REPLACE of a query's sink is not supported yet");
    }
    String queryId = (c.table() ? "CTAS_" : "CSAS_") + c.name() + "_" + queryIdCounter;
    QueryPlanner.Target target = new QueryPlanner.Target(c.name(),
        c.table() ? DataSource.Kind.TABLE : DataSource.Kind.STREAM, new WithProperties(c.properties()), null);
    PlannedQuery planned = planner().plan(queryId, c.query(), target, sql);
    queryIdCounter++;
    metaStore.put(planned.sink(), false);
    register(planned, sql, true);
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
        planned.sink().topic(), planned.sourceTopics(), planned.topology(), sql, createsSink));
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
    if (t.queryId() == null) {
      queries.clear();
      return;
    }
    String id = t.queryId().toUpperCase(java.util.Locale.ROOT);
    if (queries.remove(id) == null) {
      throw new KsqlException("Unknown queryId: " + t.queryId());
    }
  }

  /**
   * Plans a {@code SELECT … EMIT CHANGES} whose rows go to {@code rows}; nothing of the engine's
   * state changes. {@code overrides} are the request's properties.
   */
  public PushQuery planPush(String selectText, Map<String, Object> overrides, Consumer<ResultRow> rows) {
    throw new UnsupportedFeatureException("Push queries are not supported yet");
  }

  /** Plans a pull query (a SELECT without EMIT) on a table materialized by a persistent query. */
  public PullQuery planPull(String selectText, Map<String, Object> overrides) {
    throw new UnsupportedFeatureException("Pull queries are not supported yet");
  }

  private QueryPlanner planner() {
    return new QueryPlanner(metaStore, functions, config, topics, log);
  }
}
