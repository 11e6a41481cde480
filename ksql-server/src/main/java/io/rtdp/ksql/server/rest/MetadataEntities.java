package io.rtdp.ksql.server.rest;

import io.rtdp.ksql.engine.KsqlEngine;
import io.rtdp.ksql.engine.PersistentQuery;
import io.rtdp.ksql.engine.metastore.DataSource;
import io.rtdp.ksql.server.kafka.BrokerTopics;
import io.rtdp.ksql.server.query.QueryRuntime;
import io.rtdp.ksql.server.statistics.QueryStatistics;
import io.rtdp.ksql.server.streaming.PushQueries;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.TopicDescription;

/** The entities of SHOW/LIST and DESCRIBE (SPEC §4.6), built from the engine's state and the broker. */
final class MetadataEntities {
  /** ksqlDB's default {@code ksql.hidden.topics}, plus its own internal topics. */
  private static final Pattern HIDDEN_TOPICS = Pattern.compile("_confluent-ksql-.*|_confluent.*|__confluent.*|_schemas"
      + "|__consumer_offsets|__transaction_state|connect-configs|connect-offsets|connect-status|connect-statuses");

  private final QueryRuntime runtime;
  private final BrokerTopics topics;
  private final QueryStatistics statistics;
  private final PushQueries pushQueries;

  MetadataEntities(QueryRuntime runtime, BrokerTopics topics, QueryStatistics statistics, PushQueries pushQueries) {
    this.runtime = runtime;
    this.topics = topics;
    this.statistics = statistics;
    this.pushQueries = pushQueries;
  }

  Map<String, Object> sources(KsqlEngine engine, String statementText, DataSource.Kind kind) {
    String plural = kind == DataSource.Kind.STREAM ? "streams" : "tables";
    List<Map<String, Object>> list = new ArrayList<>();
    for (DataSource s : engine.metaStore().sources()) {
      if (s.kind() == kind) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("type", kind.name());
        e.put("name", s.name());
        e.put("topic", s.topic());
        e.put("keyFormat", s.keyFormat());
        e.put("valueFormat", s.valueFormat());
        e.put("isWindowed", s.isWindowed());
        list.add(e);
      }
    }
    Map<String, Object> entity = Entities.entity(plural, statementText);
    entity.put(plural, list);
    return Entities.withWarnings(entity);
  }

  Map<String, Object> queries(KsqlEngine engine, String statementText) {
    List<Map<String, Object>> list = new ArrayList<>();
    for (PersistentQuery q : engine.queries()) {
      list.add(runningQuery(q));
    }
    for (PushQueries.Listed p : pushQueries.list()) {
      list.add(runningPushQuery(p));
    }
    Map<String, Object> entity = Entities.entity("queries", statementText);
    entity.put("queries", list);
    return Entities.withWarnings(entity);
  }

  Map<String, Object> topics(String statementText) {
    TreeSet<String> visible = new TreeSet<>();
    for (String t : topics.names()) {
      if (!HIDDEN_TOPICS.matcher(t).matches()) {
        visible.add(t);
      }
    }
    Map<String, TopicDescription> descriptions = topics.describeAll(visible);
    List<Map<String, Object>> list = new ArrayList<>();
    for (String name : visible) {
      Map<String, Object> t = new LinkedHashMap<>();
      t.put("name", name);
      t.put("replicaInfo", descriptions.get(name).partitions().stream().map(p -> p.replicas().size()).toList());
      list.add(t);
    }
    Map<String, Object> entity = Entities.entity("kafka_topics", statementText);
    entity.put("topics", list);
    return Entities.withWarnings(entity);
  }

  Map<String, Object> describe(KsqlEngine engine, String statementText, DataSource source, boolean extended) {
    Map<String, Object> entity = Entities.entity("sourceDescription", statementText);
    entity.put("sourceDescription", description(engine, source, extended));
    return Entities.withWarnings(entity);
  }

  Map<String, Object> describeAll(KsqlEngine engine, String statementText, DataSource.Kind kind, boolean extended) {
    List<Map<String, Object>> list = new ArrayList<>();
    for (DataSource s : engine.metaStore().sources()) {
      if (s.kind() == kind) {
        list.add(description(engine, s, extended));
      }
    }
    Map<String, Object> entity = Entities.entity("source_descriptions", statementText);
    entity.put("sourceDescriptions", list);
    return Entities.withWarnings(entity);
  }

  private Map<String, Object> description(KsqlEngine engine, DataSource s, boolean extended) {
    List<Map<String, Object>> readers = new ArrayList<>();
    List<Map<String, Object>> writers = new ArrayList<>();
    for (PersistentQuery q : engine.queries()) {
      if (q.sinkName().equals(s.name())) {
        writers.add(runningQuery(q));
      } else if (q.sourceTopics().contains(s.topic())) {
        readers.add(runningQuery(q));
      }
    }
    int partitions = 0;
    int replication = 0;
    String stats = "";
    String errorStats = "";
    if (extended) {
      List<String> queryIds = engine.queries().stream().map(PersistentQuery::id).toList();
      stats = statistics.topicStatistics(s.topic(), queryIds);
      errorStats = statistics.topicErrorStatistics(s.topic(), queryIds);
      TopicDescription topic = topics.describe(s.topic()).orElse(null);
      if (topic != null) {
        partitions = topic.partitions().size();
        replication = topic.partitions().get(0).replicas().size();
      }
    }
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("name", s.name());
    d.put("windowType", s.isWindowed() ? s.window().type() : null);
    d.put("readQueries", readers);
    d.put("writeQueries", writers);
    d.put("fields", s.schema().columns().stream().map(SchemaJson::field).toList());
    d.put("type", s.kind().name());
    d.put("timestamp", s.timestampColumn() == null ? "" : s.timestampColumn().column());
    d.put("statistics", stats);
    d.put("errorStats", errorStats);
    d.put("extended", extended);
    d.put("keyFormat", s.keyFormat());
    d.put("valueFormat", s.valueFormat());
    d.put("topic", s.topic());
    d.put("partitions", partitions);
    d.put("replication", replication);
    d.put("statement", s.sql());
    d.put("queryOffsetSummaries", List.of());
    d.put("sourceConstraints", List.of());
    d.put("clusterStatistics", List.of());
    d.put("clusterErrorStats", List.of());
    return d;
  }

  /** A push query running here: no sink; it runs as long as it is listed (SPEC §4.6). */
  private static Map<String, Object> runningPushQuery(PushQueries.Listed p) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("queryString", p.sql());
    r.put("sinks", List.of());
    r.put("sinkKafkaTopics", List.of());
    r.put("id", p.query().queryId());
    r.put("statusCount", Map.of("RUNNING", 1));
    r.put("queryType", "PUSH");
    r.put("state", "RUNNING");
    return r;
  }

  private Map<String, Object> runningQuery(PersistentQuery q) {
    String state = runtime.state(q.id());
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("queryString", q.sql());
    r.put("sinks", List.of(q.sinkName()));
    r.put("sinkKafkaTopics", List.of(q.sinkTopic()));
    r.put("id", q.id());
    r.put("statusCount", Map.of(state, 1));
    r.put("queryType", "PERSISTENT");
    r.put("state", state);
    return r;
  }
}
