package io.rtdp.ksql.engine;

import io.rtdp.avro.client.RegistryClient;
import io.rtdp.ksql.engine.serde.DryRunRegistryClient;
import io.rtdp.ksql.engine.serde.SchemaRegistries;
import java.util.HashMap;
import java.util.Map;

/** ksql.* settings that change what the engine does (SPEC §9), with their defaults. */
public final class EngineConfig {
  public static final String SERVICE_ID = "ksql.service.id";
  public static final String PERSISTENT_PREFIX = "ksql.persistent.query.name.prefix";
  public static final String OUTPUT_TOPIC_PREFIX = "ksql.output.topic.name.prefix";
  public static final String DEFAULT_KEY_FORMAT = "ksql.persistence.default.format.key";
  public static final String DEFAULT_VALUE_FORMAT = "ksql.persistence.default.format.value";
  public static final String WRAP_SINGLE_VALUES = "ksql.persistence.wrap.single.values";
  public static final String EXTENSION_DIR = "ksql.extension.dir";
  public static final String UDFS_ENABLED = "ksql.udfs.enabled";
  public static final String SCHEMA_REGISTRY_URL = "ksql.schema.registry.url";

  private final Map<String, String> values;
  /** A registry client given by the embedder (tests, conformance runs); null = built from the URL. */
  private RegistryClient registry;

  public EngineConfig(Map<String, String> values) {
    this.values = new HashMap<>(values);
  }

  public String get(String key, String defaultValue) {
    return values.getOrDefault(key, defaultValue);
  }

  public String serviceId() {
    return get(SERVICE_ID, "default_");
  }

  public String persistentQueryPrefix() {
    return get(PERSISTENT_PREFIX, "query_");
  }

  public String outputTopicPrefix() {
    return get(OUTPUT_TOPIC_PREFIX, "");
  }

  public String defaultKeyFormat() {
    return get(DEFAULT_KEY_FORMAT, "KAFKA");
  }

  public String defaultValueFormat() {
    return values.get(DEFAULT_VALUE_FORMAT);
  }

  /** Null when unset, which means "wrap where the format allows". */
  public Boolean wrapSingleValues() {
    String v = values.get(WRAP_SINGLE_VALUES);
    return v == null ? null : Boolean.parseBoolean(v);
  }

  /** These settings, with the formats AVRO etc. talking to this registry client. */
  public EngineConfig withSchemaRegistry(RegistryClient client) {
    EngineConfig c = new EngineConfig(values);
    c.registry = client;
    return c;
  }

  /**
   * These settings for an engine that only validates statements: schemas it registers stay in
   * memory (see {@link DryRunRegistryClient}).
   */
  public EngineConfig dryRun() {
    EngineConfig c = new EngineConfig(values);
    c.registry = new DryRunRegistryClient(this::schemaRegistry);
    return c;
  }

  /** The registry of the schema-registry formats; fails when none is configured. */
  public RegistryClient schemaRegistry() {
    return registry != null ? registry : SchemaRegistries.forUrl(values.get(SCHEMA_REGISTRY_URL));
  }

  /** Settings passed through to Kafka Streams: {@code ksql.streams.x} becomes {@code x}. */
  public Map<String, Object> streamsOverrides() {
    Map<String, Object> out = new HashMap<>();
    values.forEach((k, v) -> {
      if (k.startsWith("ksql.streams.")) {
        out.put(k.substring("ksql.streams.".length()), v);
      }
    });
    return out;
  }

  public EngineConfig with(String key, String value) {
    EngineConfig c = new EngineConfig(values);
    c.registry = registry;
    if (value == null) {
      c.values.remove(key);
    } else {
      c.values.put(key, value);
    }
    return c;
  }
}
