package io.rtdp.ksql.server.config;

import io.rtdp.ksql.engine.EngineConfig;
import io.rtdp.ksql.server.processinglog.ProcessingLogConfig;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The server's settings, with ksqlDB's key names: {@code listeners}, {@code bootstrap.servers},
 * {@code ksql.service.id}, {@code ksql.streams.*} (passed to every query's Kafka Streams), and any
 * other {@code ksql.*} key, which the engine reads.
 */
public final class ServerConfig {
  public static final String LISTENERS = "listeners";
  public static final String BOOTSTRAP_SERVERS = "bootstrap.servers";
  public static final String SERVICE_ID = EngineConfig.SERVICE_ID;
  public static final String STATE_DIR = "ksql.streams.state.dir";
  public static final String ADVERTISED_LISTENER = "ksql.advertised.listener";
  public static final String COMMAND_RESPONSE_TIMEOUT = "ksql.server.command.response.timeout.ms";
  public static final String INTERNAL_TOPIC_REPLICAS = "ksql.internal.topic.replicas";
  public static final String MAX_PUSH_QUERIES = "ksql.max.push.queries";
  private static final String STREAMS_PREFIX = "ksql.streams.";

  private final Map<String, String> values;

  public ServerConfig(Map<String, String> values) {
    this.values = Map.copyOf(values);
    if (values.getOrDefault(BOOTSTRAP_SERVERS, "").isBlank()) {
      throw new IllegalArgumentException(BOOTSTRAP_SERVERS + " is not set: set it to the Kafka cluster the server"
          + " works against, e.g. bootstrap.servers=localhost:9092");
    }
    ConfigChecks.check(this.values, serviceId());
    listener();
    commandResponseTimeoutMs();
    internalTopicReplicas();
    maxPushQueries();
  }

  public static ServerConfig load(Path file) {
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(file)) {
      p.load(r);
    } catch (IOException e) {
      throw new IllegalArgumentException("Cannot read the configuration file " + file + ": " + e.getMessage(), e);
    }
    Map<String, String> values = new HashMap<>();
    p.stringPropertyNames().forEach(k -> values.put(k, p.getProperty(k).trim()));
    return new ServerConfig(values);
  }

  public Map<String, String> values() {
    return values;
  }

  public String bootstrapServers() {
    return values.get(BOOTSTRAP_SERVERS);
  }

  public String serviceId() {
    return values.getOrDefault(SERVICE_ID, "default_");
  }

  /** The first of the comma-separated listener URLs (only one listener is served). */
  public URI listener() {
    String first = values.getOrDefault(LISTENERS, "http://0.0.0.0:8088").split(",")[0].trim();
    URI uri;
    try {
      uri = URI.create(first);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(LISTENERS + " has an invalid URL '" + first + "': use e.g. http://0.0.0.0:8088");
    }
    if (!"http".equals(uri.getScheme()) || uri.getHost() == null || uri.getPort() < 0) {
      throw new IllegalArgumentException(LISTENERS + " must be an http://host:port URL (TLS is not supported yet), got '"
          + first + "'");
    }
    return uri;
  }

  /** Where clients and other servers reach this one; defaults to the listener (0.0.0.0 read as localhost). */
  public String advertisedUrl(int boundPort) {
    String advertised = values.get(ADVERTISED_LISTENER);
    if (advertised != null && !advertised.isBlank()) {
      return advertised;
    }
    String host = listener().getHost();
    return "http://" + ("0.0.0.0".equals(host) ? "localhost" : host) + ":" + boundPort;
  }

  public Path stateDir() {
    return Path.of(values.getOrDefault(STATE_DIR, System.getProperty("java.io.tmpdir") + "/ksql-server-state"));
  }

  public long commandResponseTimeoutMs() {
    return longValue(COMMAND_RESPONSE_TIMEOUT, 5000);
  }

  /** How many push queries may run at once on this server (ksqlDB's default 100). */
  public int maxPushQueries() {
    return (int) longValue(MAX_PUSH_QUERIES, 100);
  }

  public short internalTopicReplicas() {
    return (short) longValue(INTERNAL_TOPIC_REPLICAS, 1);
  }

  /** The {@code ksql.logging.processing.*} settings, checked by the constructor. */
  public ProcessingLogConfig processingLog() {
    return ProcessingLogConfig.of(values, serviceId());
  }

  /** {@code ksql.fail.on.production.error}: whether a record the broker refuses stops the query (default true). */
  public boolean failOnProductionError() {
    return ConfigChecks.bool(values, "ksql.fail.on.production.error", true);
  }

  /** The engine's view: every ksql.* key. */
  public EngineConfig engineConfig() {
    Map<String, String> ksql = new HashMap<>();
    values.forEach((k, v) -> {
      if (k.startsWith("ksql.")) {
        ksql.put(k, v);
      }
    });
    return new EngineConfig(ksql);
  }

  /** {@code ksql.streams.x=v} as {@code x=v}, the defaults of every query's Kafka Streams. */
  public Map<String, Object> streamsDefaults() {
    Map<String, Object> out = new HashMap<>();
    values.forEach((k, v) -> {
      if (k.startsWith(STREAMS_PREFIX)) {
        out.put(k.substring(STREAMS_PREFIX.length()), v);
      }
    });
    return out;
  }

  private long longValue(String key, long defaultValue) {
    String v = values.get(key);
    if (v == null) {
      return defaultValue;
    }
    try {
      return Long.parseLong(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " must be a number, got '" + v + "'");
    }
  }
}
