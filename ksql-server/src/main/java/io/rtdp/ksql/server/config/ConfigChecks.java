package io.rtdp.ksql.server.config;

import io.rtdp.ksql.server.processinglog.ProcessingLogConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.streams.StreamsConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Start-up checks of {@code ksql-server.properties}: a value the server cannot use stops it with
 * the key named and what to write instead; keys it does not know are accepted, as ksqlDB accepts
 * them, with one warning listing them all.
 */
final class ConfigChecks {
  private static final Logger LOG = LoggerFactory.getLogger(ConfigChecks.class);
  private static final Pattern REGISTRY_URL = Pattern.compile("(?i)https?://[^:/\\s]+(:\\d{1,5})?(/\\S*)?");
  /** scheme://host[:port][/], host possibly a bracketed IPv6 address; the port is checked separately. */
  private static final Pattern LISTENER =
      Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*)://(\\[[^]]*]|[^:/\\[]*)(?::([^/]*))?/?");

  /** ksqlDB's settings (SPEC §9) and this server's own: keys a ksqlDB user may set, not typos. */
  private static final Set<String> KNOWN = Set.of("listeners", "bootstrap.servers", "ksql.service.id",
      "ksql.schema.registry.url", "ksql.persistence.default.format.key", "ksql.persistence.default.format.value",
      "ksql.persistence.wrap.single.values", "ksql.output.topic.name.prefix", "ksql.fail.on.deserialization.error",
      "ksql.fail.on.production.error", "ksql.timestamp.throw.on.invalid", "ksql.extension.dir", "ksql.udfs.enabled",
      "ksql.functions.collect_list.limit", "ksql.functions.collect_set.limit", "ksql.query.pull.table.scan.enabled",
      "ksql.query.pull.range.scan.enabled", "ksql.query.pull.stream.enabled", "ksql.query.pull.limit.clause.enabled",
      "ksql.query.pull.max.allowed.offset.lag", "ksql.query.push.v2.enabled", "ksql.endpoint.migrate.query",
      "ksql.max.push.queries", "ksql.server.command.response.timeout.ms", "ksql.internal.topic.replicas",
      "ksql.persistent.query.name.prefix", "ksql.transient.query.name.prefix", "ksql.headers.columns.enabled",
      "ksql.source.table.materialization.enabled", "ksql.variable.substitution.enable", "ksql.hidden.topics",
      "ksql.readonly.topics", "ksql.runtime.feature.shared.enabled", "ksql.advertised.listener");

  private static final Set<String> BOOLEANS = Set.of("ksql.fail.on.deserialization.error",
      "ksql.fail.on.production.error", "ksql.timestamp.throw.on.invalid", "ksql.udfs.enabled",
      "ksql.query.pull.table.scan.enabled", "ksql.query.pull.range.scan.enabled", "ksql.query.pull.stream.enabled",
      "ksql.query.pull.limit.clause.enabled", "ksql.query.push.v2.enabled", "ksql.endpoint.migrate.query",
      "ksql.headers.columns.enabled", "ksql.source.table.materialization.enabled",
      "ksql.variable.substitution.enable", "ksql.runtime.feature.shared.enabled");

  private ConfigChecks() {
  }

  /** Throws IllegalArgumentException naming the first unusable key; warns once about unknown keys. */
  static void check(Map<String, String> values, String serviceId) {
    listeners(values.getOrDefault(ServerConfig.LISTENERS, "http://0.0.0.0:8088"));
    for (String key : BOOLEANS) {
      bool(values, key, false);
    }
    ProcessingLogConfig.of(values, serviceId);
    schemaRegistryUrl(values.get("ksql.schema.registry.url"));
    extensionDir(values);
    streams(values);
    warnUnknown(values);
  }

  /** {@code true} or {@code false}, any case; {@code defaultValue} when unset. */
  static boolean bool(Map<String, String> values, String key, boolean defaultValue) {
    String v = values.get(key);
    if (v == null || v.isBlank()) {
      return defaultValue;
    }
    return switch (v.trim().toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new IllegalArgumentException(key + " must be true or false, got '" + v + "'");
    };
  }

  private static void listeners(String listeners) {
    for (String raw : listeners.split(",")) {
      String url = raw.trim();
      Matcher m = LISTENER.matcher(url);
      if (!m.matches() || m.group(2).isEmpty()) {
        throw new IllegalArgumentException(ServerConfig.LISTENERS + " has a malformed URL '" + url
            + "': write scheme://host:port, e.g. listeners=http://0.0.0.0:8088");
      }
      String scheme = m.group(1).toLowerCase(Locale.ROOT);
      if (!scheme.equals("http")) {
        throw new IllegalArgumentException(ServerConfig.LISTENERS + " uses the scheme '" + scheme + "' in '" + url
            + "': this server serves plain http only (TLS is not supported yet), e.g. listeners=http://0.0.0.0:8088");
      }
      String port = m.group(3);
      if (port == null || port.isEmpty()) {
        throw new IllegalArgumentException(ServerConfig.LISTENERS + " has no port in '" + url
            + "': add one, e.g. listeners=http://0.0.0.0:8088 (0 picks a free port)");
      }
      int n;
      try {
        n = Integer.parseInt(port);
      } catch (NumberFormatException e) {
        n = -1;
      }
      if (n < 0 || n > 65535) {
        throw new IllegalArgumentException(ServerConfig.LISTENERS + " has the port '" + port + "' in '" + url
            + "', which is not a number from 0 to 65535: e.g. listeners=http://0.0.0.0:8088");
      }
    }
  }

  private static void schemaRegistryUrl(String urls) {
    if (urls == null || urls.isBlank()) {
      return;
    }
    for (String raw : urls.split(",")) {
      if (!REGISTRY_URL.matcher(raw.trim()).matches()) {
        throw new IllegalArgumentException("ksql.schema.registry.url has a malformed URL '" + raw.trim()
            + "': write http(s)://host:port, e.g. ksql.schema.registry.url=http://localhost:8081");
      }
    }
  }

  /** A configured extension directory must exist (the default {@code ext} may be missing: then no UDF jars). */
  private static void extensionDir(Map<String, String> values) {
    String dir = values.get("ksql.extension.dir");
    if (dir != null && !dir.isBlank() && bool(values, "ksql.udfs.enabled", true) && !Files.isDirectory(Path.of(dir))) {
      throw new IllegalArgumentException("ksql.extension.dir is '" + dir + "', which is not a directory: create it,"
          + " correct the path, or remove the key (the default 'ext' may be absent)");
    }
  }

  /** Kafka Streams checks its own settings: a bad ksql.streams.* value is reported under the server's key. */
  private static void streams(Map<String, String> values) {
    Map<String, Object> props = new HashMap<>();
    values.forEach((k, v) -> {
      if (k.startsWith("ksql.streams.")) {
        props.put(k.substring("ksql.streams.".length()), v);
      }
    });
    if (props.isEmpty()) {
      return;
    }
    props.putIfAbsent(StreamsConfig.APPLICATION_ID_CONFIG, "config-check");
    props.putIfAbsent(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, values.get(ServerConfig.BOOTSTRAP_SERVERS));
    try {
      // The protected constructor does not log the whole configuration, which the queries do later anyway.
      new StreamsConfig(props, false) { };
    } catch (ConfigException e) {
      throw new IllegalArgumentException("A ksql.streams.* setting is invalid: " + e.getMessage()
          + " (the key in ksql-server.properties is ksql.streams.<that name>)", e);
    }
  }

  private static void warnUnknown(Map<String, String> values) {
    Set<String> unknown = new TreeSet<>();
    for (String key : values.keySet()) {
      if (!KNOWN.contains(key) && !key.startsWith("ksql.streams.") && !ProcessingLogConfig.KEYS.contains(key)) {
        unknown.add(key);
      }
    }
    if (!unknown.isEmpty()) {
      LOG.warn("Configuration keys this server does not know, accepted and ignored (check them for typos): {}",
          unknown);
    }
  }
}
