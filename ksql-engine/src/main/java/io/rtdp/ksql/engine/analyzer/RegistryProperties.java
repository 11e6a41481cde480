package io.rtdp.ksql.engine.analyzer;

import io.rtdp.ksql.engine.EngineConfig;
import io.rtdp.ksql.engine.KsqlException;
import io.rtdp.ksql.engine.serde.AvroSchemas;
import io.rtdp.ksql.engine.serde.Format;
import io.rtdp.ksql.engine.serde.RegistryOptions;
import java.util.ArrayList;
import java.util.List;

/**
 * The WITH properties of the schema-registry formats ({@code *_SCHEMA_ID}, {@code *_SCHEMA_FULL_NAME}),
 * turned into {@link RegistryOptions}; other formats reject them, with ksqlDB's messages.
 */
public final class RegistryProperties {
  private RegistryProperties() {}

  /** The key format's registry options, or null for a format without a registry. */
  public static RegistryOptions key(WithProperties with, Format kf, String sourceName, EngineConfig config) {
    String fullName = fullName(with.string("KEY_SCHEMA_FULL_NAME"));
    return options(kf, with.integer("KEY_SCHEMA_ID"), fullName != null ? fullName : AvroSchemas.defaultKeyName(sourceName),
        with.has("KEY_SCHEMA_FULL_NAME"), config);
  }

  /** The value format's registry options, or null for a format without a registry. */
  public static RegistryOptions value(WithProperties with, Format vf, EngineConfig config) {
    String property = with.has("VALUE_SCHEMA_FULL_NAME") ? "VALUE_SCHEMA_FULL_NAME" : "VALUE_AVRO_SCHEMA_FULL_NAME";
    String fullName = fullName(with.string(property));
    return options(vf, with.integer("VALUE_SCHEMA_ID"), fullName != null ? fullName : AvroSchemas.DEFAULT_VALUE_NAME,
        with.has(property), config);
  }

  private static RegistryOptions options(Format f, Integer schemaId, String fullName, boolean fullNameGiven,
      EngineConfig config) {
    if (!f.usesSchemaRegistry()) {
      List<String> unsupported = new ArrayList<>();
      if (fullNameGiven) {
        unsupported.add("fullSchemaName");
      }
      if (schemaId != null) {
        unsupported.add("schemaId");
      }
      if (!unsupported.isEmpty()) {
        throw new KsqlException(f.name() + " does not support the following configs: " + unsupported);
      }
      return null;
    }
    return new RegistryOptions(config.schemaRegistry(), schemaId, fullName);
  }

  private static String fullName(String given) {
    if (given == null) {
      return null;
    }
    if (given.trim().isEmpty()) {
      throw new KsqlException("fullSchemaName cannot be empty. Format configuration: {fullSchemaName=}");
    }
    return given.trim();
  }
}
