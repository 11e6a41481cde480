package io.rtdp.ksql.server.execution;

import io.rtdp.ksql.engine.EngineConfig;
import io.rtdp.ksql.engine.KsqlEngine;
import io.rtdp.ksql.engine.KsqlException;
import io.rtdp.ksql.engine.PersistentQuery;
import io.rtdp.ksql.engine.analyzer.InsertValuesExecutor;
import io.rtdp.ksql.engine.function.FunctionRegistry;
import io.rtdp.ksql.engine.metastore.DataSource;
import io.rtdp.ksql.engine.metastore.MetaStore;
import io.rtdp.ksql.engine.parser.ParseFailedException;
import io.rtdp.ksql.engine.parser.Statement;
import io.rtdp.ksql.engine.parser.StatementParser;
import io.rtdp.ksql.engine.topology.ProcessingLog;
import io.rtdp.ksql.server.command.Command;
import io.rtdp.ksql.server.command.CommandId;
import io.rtdp.ksql.server.command.CommandStatus;
import io.rtdp.ksql.server.kafka.BrokerTopics;
import io.rtdp.ksql.server.kafka.DryRunTopics;
import io.rtdp.ksql.server.query.QueryRuntime;
import io.rtdp.ksql.server.query.StreamsOverrides;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine as the server runs it: commands from the command topic change it, the REST API
 * reads it, and a sandbox (a cheap copy of its state) validates statements before they are
 * written. Every access holds this object's lock: the engine is not thread-safe.
 */
public final class ServerEngine {
  private static final Logger LOG = LoggerFactory.getLogger(ServerEngine.class);

  private final FunctionRegistry functions;
  private final BrokerTopics broker;
  private final QueryRuntime runtime;
  private final ReplayableTopics topics;
  private final KsqlEngine engine;
  private final Map<String, Map<String, Object>> overridesByQuery = new HashMap<>();
  private boolean restoring = true;

  public ServerEngine(FunctionRegistry functions, EngineConfig config, BrokerTopics broker,
      ProcessingLog processingLog, QueryRuntime runtime) {
    this.functions = functions;
    this.broker = broker;
    this.runtime = runtime;
    this.topics = new ReplayableTopics(broker);
    this.engine = new KsqlEngine(functions, config, topics, processingLog);
  }

  public synchronized List<StatementParser.Parsed> parse(String text) {
    return new StatementParser((name, pos) -> engine.metaStore().type(name).orElseThrow(
        () -> new ParseFailedException("line " + pos.line() + ":" + pos.column() + ": Unknown type: " + name)))
        .parse(text);
  }

  /**
   * Runs the statements, in order, on a copy of the current state: the first that fails throws,
   * naming itself, so that a request is rejected before anything of it is written. {@code
   * nextOffset} is where the first command will land in the command topic: the copy gives each
   * command's queries the ids they will get, so that e.g. a TERMINATE of a query created earlier
   * in the same request validates.
   */
  public synchronized void validate(List<StatementParser.Parsed> statements, long nextOffset) {
    KsqlEngine sandbox = sandbox();
    long offset = nextOffset;
    for (StatementParser.Parsed p : statements) {
      try {
        Statement s = p.statement();
        if (CommandId.of(s).isPresent()) {
          sandbox.execute(p.text(), offset);
          // Each command is its own transaction, whose commit marker takes the following offset.
          offset += 2;
        } else if (s instanceof Statement.InsertValues) {
          sandbox.execute(p.text());
        } else if (s instanceof Statement.DescribeSource d && sandbox.metaStore().source(d.name()).isEmpty()) {
          throw unknownSource(sandbox.metaStore(), d.name());
        }
      } catch (KsqlException e) {
        throw new StatementFailure(p.text(), e.getMessage(), e);
      } catch (RuntimeException e) {
        LOG.error("The engine failed validating {}", p.text(), e);
        throw new StatementFailure(p.text(), "The engine failed on this statement: " + e, e);
      }
    }
  }

  /**
   * Executes one statement on a copy of the current state, creating no topic; the reader sees the
   * copy and the queries the statement planned (or replanned) there.
   */
  public synchronized <T> T dryRun(String statementText, BiFunction<KsqlEngine, List<PersistentQuery>, T> reader) {
    KsqlEngine sandbox = sandbox();
    Set<PersistentQuery> before = plans(sandbox);
    sandbox.execute(statementText);
    return reader.apply(sandbox, plannedSince(sandbox, before));
  }

  /** The Kafka Streams settings the request that created the query overrode. */
  public synchronized Map<String, Object> queryOverrides(String queryId) {
    return overridesByQuery.getOrDefault(queryId, Map.of());
  }

  /** A copy of the live state that sees the broker's topics as they are now and creates none. */
  private KsqlEngine sandbox() {
    return engine.sandbox(new DryRunTopics(broker));
  }

  /**
   * The engine's query plans as objects, not ids: a query that CREATE OR REPLACE planned anew keeps
   * its id but is a new plan.
   */
  private static Set<PersistentQuery> plans(KsqlEngine e) {
    Set<PersistentQuery> plans = Collections.newSetFromMap(new IdentityHashMap<>());
    plans.addAll(e.queries());
    return plans;
  }

  /** The queries planned since {@link #plans}: new ones and those planned anew under their old id. */
  private static List<PersistentQuery> plannedSince(KsqlEngine e, Set<PersistentQuery> before) {
    return e.queries().stream().filter(q -> !before.contains(q)).toList();
  }

  /** ksqlDB's error for DESCRIBE of a name the metastore does not have. */
  public static KsqlException unknownSource(MetaStore metaStore, String name) {
    return new KsqlException("Could not find STREAM/TABLE '" + name + "' in the Metastore" + metaStore.caseHint(name));
  }

  /**
   * Executes the command read at {@code offset} of the command topic; its new queries are numbered
   * by that offset (SPEC §5.2). While restoring, queries are planned but not started.
   */
  public synchronized CommandStatus execute(Command command, long offset) {
    Statement statement;
    try {
      List<StatementParser.Parsed> parsed = parse(command.statement());
      if (parsed.size() != 1) {
        return CommandStatus.error("A command must hold exactly one statement, got " + parsed.size());
      }
      statement = parsed.get(0).statement();
    } catch (KsqlException e) {
      return CommandStatus.error(e.getMessage());
    }
    Optional<DataSource> dropped = statement instanceof Statement.DropSource d
        ? engine.metaStore().source(d.name()) : Optional.empty();
    Set<PersistentQuery> before = plans(engine);
    try {
      engine.execute(command.statement(), offset);
    } catch (KsqlException e) {
      return CommandStatus.error(e.getMessage());
    } catch (RuntimeException e) {
      LOG.error("The engine failed on {}", command.statement(), e);
      return CommandStatus.error("The engine failed on this statement: " + e);
    }
    List<String> created = plannedSince(engine, before).stream().map(PersistentQuery::id).toList();
    created.forEach(id -> overridesByQuery.put(id, StreamsOverrides.of(command.streamsProperties())));
    overridesByQuery.keySet().retainAll(queryIds());
    if (!restoring) {
      runtime.reconcile(engine.queries(), overridesByQuery);
      if (statement instanceof Statement.DropSource d && d.deleteTopic() && dropped.isPresent()) {
        try {
          broker.delete(List.of(dropped.get().topic()));
        } catch (KsqlException e) {
          return CommandStatus.error("Source `" + d.name() + "` was dropped, but its topic could not be deleted: "
              + e.getMessage());
        }
      }
    }
    String queryId = created.isEmpty() ? null : created.get(0);
    return CommandStatus.success(successMessage(statement, dropped, queryId), queryId);
  }

  /** Called once the command topic was read to its end: creates topics for real and starts the queries. */
  public synchronized void replayFinished() {
    restoring = false;
    topics.replayFinished();
    runtime.reconcile(engine.queries(), overridesByQuery);
  }

  /** Reads the engine's state under its lock. */
  public synchronized <T> T read(Function<KsqlEngine, T> reader) {
    return reader.apply(engine);
  }

  /** INSERT VALUES is not distributed (SPEC §5.1): the receiving server produces the row itself. */
  public synchronized void insertValues(String statementText) {
    engine.execute(statementText);
  }

  /** One /inserts-stream row, planned as INSERT VALUES without statement text (SPEC §4.7). */
  public synchronized void insert(Statement.InsertValues row) {
    new InsertValuesExecutor(engine.metaStore(), functions, topics).execute(row);
  }

  private Set<String> queryIds() {
    Set<String> ids = new LinkedHashSet<>();
    for (PersistentQuery q : engine.queries()) {
      ids.add(q.id());
    }
    return ids;
  }

  private static String successMessage(Statement s, Optional<DataSource> dropped, String queryId) {
    if (queryId != null) {
      return "Created query with ID " + queryId;
    }
    if (s instanceof Statement.CreateSource c) {
      return c.table() ? "Table created" : "Stream created";
    }
    if (s instanceof Statement.CreateAsSelect c) {
      // IF NOT EXISTS on an existing sink: nothing was created.
      return (c.table() ? "Table " : "Stream ") + c.name() + " already exists.";
    }
    if (s instanceof Statement.DropSource d) {
      return dropped.map(src -> "Source `" + src.name() + "` (topic: " + src.topic() + ") was dropped.")
          .orElse("Source `" + d.name() + "` does not exist.");
    }
    if (s instanceof Statement.Terminate) {
      return "Query terminated.";
    }
    if (s instanceof Statement.RegisterType t) {
      return "Registered custom type with name '" + t.name() + "' and SQL type " + t.type();
    }
    if (s instanceof Statement.DropType t) {
      return "Dropped type '" + t.name() + "'";
    }
    return "Executed";
  }
}
