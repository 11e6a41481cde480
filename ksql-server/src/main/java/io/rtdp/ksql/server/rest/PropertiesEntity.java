package io.rtdp.ksql.server.rest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The {@code properties} entity of SHOW PROPERTIES (SPEC §4.6): the server's ksql.* settings over the
 * defaults this server applies, then the request's {@code streamsProperties} (a bare name is a
 * Kafka Streams setting, shown as {@code ksql.streams.<name>}).
 */
final class PropertiesEntity {
  private static final String STREAMS_PREFIX = "ksql.streams.";
  private static final Map<String, String> DEFAULTS = Map.of(
      "ksql.service.id", "default_",
      "ksql.persistent.query.name.prefix", "query_",
      "ksql.output.topic.name.prefix", "",
      "ksql.persistence.default.format.key", "KAFKA",
      "ksql.server.command.response.timeout.ms", "5000",
      "ksql.internal.topic.replicas", "1",
      "ksql.streams.auto.offset.reset", "latest");
  /** The settings a single query may override (SPEC §4.6), without the ksql.streams. prefix. */
  private static final Set<String> PER_QUERY = Set.of("auto.offset.reset", "buffered.records.per.partition",
      "cache.max.bytes.buffering", "ksql.fail.on.deserialization.error", "ksql.query.pull.table.scan.enabled",
      "ksql.query.pull.max.allowed.offset.lag", "ksql.timestamp.throw.on.invalid", "max.task.idle.ms",
      "task.timeout.ms");
  private static final Pattern SECRET = Pattern.compile(".*(password|secret|jaas\\.config).*");

  private PropertiesEntity() {
  }

  static Map<String, Object> of(String statementText, Map<String, String> serverProperties,
      Map<String, Object> requestOverrides) {
    Map<String, String> effective = new TreeMap<>(DEFAULTS);
    effective.putAll(serverProperties);
    Map<String, String> configured = new TreeMap<>(effective);
    requestOverrides.forEach((k, v) -> effective.put(k.startsWith("ksql.") ? k : STREAMS_PREFIX + k, String.valueOf(v)));

    List<Map<String, Object>> properties = new ArrayList<>();
    List<String> overwritten = new ArrayList<>();
    List<String> atDefault = new ArrayList<>();
    effective.forEach((name, value) -> {
      boolean perQuery = PER_QUERY.contains(name.startsWith(STREAMS_PREFIX)
          ? name.substring(STREAMS_PREFIX.length()) : name);
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("name", name);
      p.put("scope", "KSQL");
      p.put("value", SECRET.matcher(name).matches() ? "[hidden]" : value);
      p.put("editable", perQuery);
      p.put("level", perQuery ? "QUERY" : "SERVER");
      properties.add(p);
      if (!value.equals(configured.get(name))) {
        overwritten.add(name);
      } else if (!serverProperties.containsKey(name)) {
        atDefault.add(name);
      }
    });
    Map<String, Object> entity = Entities.entity("properties", statementText);
    entity.put("properties", properties);
    entity.put("overwrittenProperties", overwritten);
    entity.put("defaultProperties", atDefault);
    return Entities.withWarnings(entity);
  }
}
