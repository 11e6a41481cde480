package io.rtdp.ksql.server.rest;

import io.rtdp.ksql.engine.KsqlEngine;
import io.rtdp.ksql.engine.KsqlException;
import io.rtdp.ksql.engine.PersistentQuery;
import io.rtdp.ksql.engine.metastore.DataSource;
import io.rtdp.ksql.engine.parser.Statement;
import io.rtdp.ksql.engine.query.PushQuery;
import io.rtdp.ksql.engine.schema.Column;
import io.rtdp.ksql.server.execution.ServerEngine;
import io.rtdp.ksql.server.query.QueryRuntime;
import io.rtdp.ksql.server.query.StreamsOverrides;
import io.rtdp.ksql.server.statistics.QueryStatistics;
import io.rtdp.ksql.server.streaming.PushQueries;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The {@code queryDescription} entity of EXPLAIN (SPEC §4.6): of a running persistent query, or of
 * the query a CSAS/CTAS/INSERT INTO would start, planned on a sandbox and not run.
 */
final class QueryDescriptions {
  private static final Pattern EXPLAIN_KEYWORD = Pattern.compile("(?is)^\\s*EXPLAIN\\s+");

  private final ServerEngine engine;
  private final QueryRuntime runtime;
  private final String host;
  private final QueryStatistics statistics;
  private final PushQueries pushQueries;

  /** {@code host} is this server's host:port, as ksqlHostQueryStatus names it. */
  QueryDescriptions(ServerEngine engine, QueryRuntime runtime, String host, QueryStatistics statistics,
      PushQueries pushQueries) {
    this.engine = engine;
    this.runtime = runtime;
    this.host = host;
    this.statistics = statistics;
    this.pushQueries = pushQueries;
  }

  /**
   * SHOW QUERIES EXTENDED: the description of every persistent query, with its runtime statistics,
   * then of every push query running here.
   */
  Map<String, Object> describeAll(KsqlEngine e, String statementText) {
    List<Map<String, Object>> list = new ArrayList<>();
    for (PersistentQuery q : e.queries()) {
      list.add(running(e, q));
    }
    for (PushQueries.Listed p : pushQueries.list()) {
      list.add(pushQuery(e, p));
    }
    Map<String, Object> entity = Entities.entity("query_descriptions", statementText);
    entity.put("queryDescriptions", list);
    return Entities.withWarnings(entity);
  }

  Map<String, Object> explain(String statementText, Statement.Explain explain, Map<String, Object> requestOverrides) {
    Map<String, Object> description;
    if (explain.queryId() != null) {
      String id = explain.queryId().toUpperCase(Locale.ROOT);
      description = engine.read(e -> {
        PersistentQuery q = e.queries().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow(
            () -> new KsqlException("Query with id:" + id + " does not exist, use SHOW QUERIES to view the full"
                + " set of queries."));
        return running(e, q);
      });
    } else if (explain.statement() instanceof Statement.CreateAsSelect
        || explain.statement() instanceof Statement.InsertInto) {
      String inner = EXPLAIN_KEYWORD.matcher(statementText).replaceFirst("");
      description = engine.dryRun(inner, (sandbox, planned) -> planned.isEmpty()
          ? null : description(sandbox, planned.get(0), StreamsOverrides.of(requestOverrides), Map.of(), null, "", ""));
      if (description == null) {
        throw new KsqlException("The statement plans no query (its sink already exists): nothing to explain");
      }
    } else {
      throw new KsqlException("EXPLAIN supports a query id, CREATE STREAM/TABLE AS SELECT and INSERT INTO ... SELECT"
          + " on this server; it cannot plan transient queries yet");
    }
    Map<String, Object> entity = Entities.entity("queryDescription", statementText);
    entity.put("queryDescription", description);
    return Entities.withWarnings(entity);
  }

  /**
   * A query this server runs. Its runtime statistics are in {@code statistics} and {@code errorStats},
   * strings as DESCRIBE EXTENDED has them (§4.6 names no query-level field for them).
   */
  private Map<String, Object> running(KsqlEngine e, PersistentQuery q) {
    String state = runtime.state(q.id());
    Map<String, Object> d = description(e, q, engine.queryOverrides(q.id()), Map.of(host, state), state,
        statistics.queryStatistics(q.id(), q.sourceTopics(), q.sinkTopic()), statistics.queryErrorStatistics(q.id()));
    List<Map<String, Object>> errors = new ArrayList<>();
    for (QueryStatistics.QueryError error : statistics.queryErrors(q.id())) {
      Map<String, Object> err = new LinkedHashMap<>();
      err.put("timestamp", error.timestamp());
      err.put("errorMessage", error.errorMessage());
      // ksqlDB tells USER from SYSTEM errors by the exception; this server does not classify them.
      err.put("type", "UNKNOWN");
      errors.add(err);
    }
    d.put("queryErrors", errors);
    return d;
  }

  /** A push query: its result columns as fields, no sink, and no runtime statistics of its own. */
  private Map<String, Object> pushQuery(KsqlEngine e, PushQueries.Listed p) {
    PushQuery q = p.query();
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("id", q.queryId());
    d.put("statementText", p.sql());
    d.put("windowType", null);
    d.put("fields", q.columns().stream().map(c -> SchemaJson.field(new Column(c.name(), c.type(),
        c.key() ? Column.Namespace.KEY : Column.Namespace.VALUE))).toList());
    d.put("sources", sourceNames(e, q.sourceTopics(), null));
    d.put("sinks", List.of());
    d.put("topology", q.topology().describe().toString());
    d.put("executionPlan", "");
    d.put("overriddenProperties", Map.of());
    d.put("ksqlHostQueryStatus", Map.of(host, "RUNNING"));
    d.put("queryType", "PUSH");
    d.put("queryErrors", List.of());
    d.put("tasksMetadata", List.of());
    d.put("consumerGroupId", q.applicationId());
    d.put("state", "RUNNING");
    return d;
  }

  /** The sources reading {@code topics}, except the query's own sink. */
  private static List<String> sourceNames(KsqlEngine e, List<String> topics, String sink) {
    List<String> sources = new ArrayList<>();
    for (DataSource s : e.metaStore().sources()) {
      if (topics.contains(s.topic()) && !s.name().equals(sink)) {
        sources.add(s.name());
      }
    }
    return sources;
  }

  private static Map<String, Object> description(KsqlEngine e, PersistentQuery q, Map<String, Object> overrides,
      Map<String, String> hostStatus, String state, String stats, String errorStats) {
    DataSource sink = e.metaStore().source(q.sinkName()).orElseThrow(
        () -> new IllegalStateException("Query " + q.id() + " writes to " + q.sinkName() + ", not in the metastore"));
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("id", q.id());
    d.put("statementText", q.sql());
    d.put("windowType", sink.isWindowed() ? sink.window().type() : null);
    d.put("fields", sink.schema().columns().stream().map(SchemaJson::field).toList());
    d.put("sources", sourceNames(e, q.sourceTopics(), q.sinkName()));
    d.put("sinks", List.of(q.sinkName()));
    d.put("topology", q.topology().describe().toString());
    d.put("executionPlan", "");
    d.put("overriddenProperties", overrides);
    d.put("ksqlHostQueryStatus", hostStatus);
    d.put("queryType", "PERSISTENT");
    d.put("queryErrors", List.of());
    d.put("tasksMetadata", List.of());
    d.put("consumerGroupId", q.applicationId());
    d.put("state", state);
    d.put("statistics", stats);
    d.put("errorStats", errorStats);
    return d;
  }
}
