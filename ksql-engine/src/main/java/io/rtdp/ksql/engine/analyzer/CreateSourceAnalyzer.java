package io.rtdp.ksql.engine.analyzer;

import io.rtdp.ksql.engine.EngineConfig;
import io.rtdp.ksql.engine.KafkaTopics;
import io.rtdp.ksql.engine.KsqlException;
import io.rtdp.ksql.engine.UnsupportedFeatureException;
import io.rtdp.ksql.engine.metastore.DataSource;
import io.rtdp.ksql.engine.parser.Statement;
import io.rtdp.ksql.engine.parser.Statement.TableElement.Constraint;
import io.rtdp.ksql.engine.schema.Column;
import io.rtdp.ksql.engine.schema.KeyColumns;
import io.rtdp.ksql.engine.schema.LogicalSchema;
import io.rtdp.ksql.engine.schema.SqlBaseType;
import io.rtdp.ksql.engine.schema.SqlType;
import io.rtdp.ksql.engine.schema.SystemColumns;
import io.rtdp.ksql.engine.serde.Format;
import io.rtdp.ksql.engine.serde.FormatOptions;
import io.rtdp.ksql.engine.serde.Formats;
import io.rtdp.ksql.engine.serde.RegistryOptions;
import io.rtdp.ksql.engine.util.Durations;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Validates CREATE STREAM/TABLE and turns it into a {@link DataSource} (SPEC §1.2, §1.3). */
public final class CreateSourceAnalyzer {
  private final EngineConfig config;
  private final KafkaTopics topics;

  public CreateSourceAnalyzer(EngineConfig config, KafkaTopics topics) {
    this.config = config;
    this.topics = topics;
  }

  public DataSource analyze(Statement.CreateSource s, String sql) {
    WithProperties with = new WithProperties(s.properties());
    DataSource.Kind kind = s.table() ? DataSource.Kind.TABLE : DataSource.Kind.STREAM;
    List<Column> key = new ArrayList<>();
    List<Column> value = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (Statement.TableElement e : s.elements()) {
      if (SystemColumns.isReserved(e.name())) {
        throw new KsqlException("'" + e.name() + "' is a reserved column name. You cannot use it as a name for a column.");
      }
      if (!names.add(e.name())) {
        throw new KsqlException("Duplicate column names: " + e.name());
      }
      switch (e.constraint()) {
        case KEY -> {
          if (s.table()) {
            throw new KsqlException(e.pos() + ": Column `" + e.name()
                + "` is a 'KEY' column: please use 'PRIMARY KEY' for tables.\n"
                + "Tables have PRIMARY KEYs, which are unique and NON NULL.\n"
                + "Streams have KEYs, which have no uniqueness or NON NULL constraints.");
          }
          key.add(new Column(e.name(), e.type(), Column.Namespace.KEY));
        }
        case PRIMARY_KEY -> {
          if (!s.table()) {
            throw new KsqlException(e.pos() + ": Column `" + e.name()
                + "` is a 'PRIMARY KEY' column: please use 'KEY' for streams.\n"
                + "Tables have PRIMARY KEYs, which are unique and NON NULL.\n"
                + "Streams have KEYs, which have no uniqueness or NON NULL constraints.");
          }
          key.add(new Column(e.name(), e.type(), Column.Namespace.KEY));
        }
        case HEADERS, HEADER -> throw new UnsupportedFeatureException("HEADER columns are not supported yet");
        case NONE -> value.add(new Column(e.name(), e.type(), Column.Namespace.VALUE));
      }
    }
    String topic = with.string("KAFKA_TOPIC");
    if (topic == null) {
      throw new KsqlException("Missing required property \"KAFKA_TOPIC\" which has no default value.");
    }
    String keyFormat = with.keyFormat() != null ? with.keyFormat() : config.defaultKeyFormat();
    String valueFormat = with.valueFormat() != null ? with.valueFormat() : config.defaultValueFormat();
    if (valueFormat == null) {
      throw new KsqlException("Statement is missing the 'VALUE_FORMAT' property from the WITH clause. "
          + "Either provide one or set a default via the 'ksql.persistence.default.format.value' config.");
    }
    KeyColumns.check(key);
    char keyDelimiter = with.delimiter("KEY_DELIMITER");
    char valueDelimiter = with.delimiter("VALUE_DELIMITER");
    Format kf = Formats.of(keyFormat);
    Format vf = Formats.of(valueFormat);
    with.checkDelimiters(kf.name(), vf.name());
    if (s.elements().isEmpty() && !vf.usesSchemaRegistry()) {
      throw new KsqlException("The statement does not define any columns.");
    }
    RegistryOptions keyRegistry = RegistryProperties.key(with, kf, s.name(), config);
    RegistryOptions valueRegistry = RegistryProperties.value(with, vf, config);
    boolean keyInferred = false;
    boolean valueInferred = false;
    Boolean inferredWrap = null;
    if (value.isEmpty() && vf.usesSchemaRegistry()) {
      SchemaInference.Inferred inferred = new SchemaInference(valueRegistry.client(), vf, topic)
          .value(valueRegistry.schemaId(), with.bool("WRAP_SINGLE_VALUE"));
      value = inferred.columns();
      valueRegistry = new RegistryOptions(valueRegistry.client(), inferred.schemaId(), valueRegistry.fullSchemaName());
      inferredWrap = inferred.unwrapped() ? Boolean.FALSE : null;
      valueInferred = true;
    }
    if (key.isEmpty() && kf.usesSchemaRegistry()) {
      SchemaInference inference = new SchemaInference(keyRegistry.client(), kf, topic);
      // A stream may have no key; a table needs one, so its key schema must exist.
      SchemaInference.Inferred inferred = s.table() ? inference.key(keyRegistry.schemaId())
          : inference.keyIfRegistered(keyRegistry.schemaId());
      if (inferred != null) {
        key = inferred.columns();
        keyRegistry = new RegistryOptions(keyRegistry.client(), inferred.schemaId(), keyRegistry.fullSchemaName());
        keyInferred = true;
        KeyColumns.check(key);
      }
    }
    if (s.table() && key.isEmpty()) {
      throw new KsqlException("Tables require a PRIMARY KEY. Please define the PRIMARY KEY.\n"
          + "Use a partial schema to define the primary key and still load the value columns from the Schema "
          + "Registry, for example:\n\tCREATE TABLE " + s.name() + " (ID INT PRIMARY KEY) WITH (...);");
    }
    Boolean wrap = wrapSingle(with, vf, value.size());
    FormatOptions keyOptions = new FormatOptions(null, keyDelimiter, keyRegistry);
    FormatOptions valueOptions = new FormatOptions(wrap != null ? wrap : inferredWrap, valueDelimiter, valueRegistry);
    kf.validate(key, true, keyOptions);
    vf.validate(value, false, valueOptions);
    DataSource.TimestampColumn ts = timestamp(with, value, key);
    DataSource.WindowInfo window = window(with);
    Integer partitions = with.integer("PARTITIONS");
    if (!topics.exists(topic)) {
      if (partitions == null) {
        throw new KsqlException("Topic '" + topic + "' does not exist. If you want to create a new topic for the "
            + kind.lower() + " please re-run the statement providing the required 'PARTITIONS' configuration in "
            + "the WITH clause (and optionally 'REPLICAS'). For example: CREATE " + kind.name() + " " + s.name()
            + " (...) WITH (KAFKA_TOPIC='" + topic + "', PARTITIONS=2, REPLICAS=1, ...);");
      }
      topics.create(topic, partitions);
    } else if (partitions != null && topics.partitions(topic) != partitions) {
      throw new KsqlException("A Kafka topic with the name '" + topic + "' already exists, with different partition"
          + "/replica configuration than required. KSQL expects " + partitions + " partitions (topic has "
          + topics.partitions(topic) + ").");
    }
    // As ksqlDB does, declared columns of a topic without schemas yet become its first registered schemas.
    if (!keyInferred) {
      kf.registerSchema(topic, key, true, keyOptions, true);
    }
    if (!valueInferred) {
      vf.registerSchema(topic, value, false, valueOptions, true);
    }
    return new DataSource(s.name(), kind, new LogicalSchema(key, value), topic, kf.name(), vf.name(), keyOptions,
        valueOptions, ts, window, s.readOnlySource(), sql);
  }

  /** WRAP_SINGLE_VALUE, checked against what the format and the column count allow. */
  static Boolean wrapSingle(WithProperties with, Format vf, int valueColumns) {
    Boolean wrap = with.bool("WRAP_SINGLE_VALUE");
    if (wrap != null) {
      if (valueColumns != 1) {
        throw new KsqlException("'WRAP_SINGLE_VALUE' is only valid for single-field value schemas");
      }
      if (wrap && !vf.supportsWrapping()) {
        throw new KsqlException("Format '" + vf.name() + "' does not support 'WRAP_SINGLE_VALUE' set to 'true'.");
      }
      if (!wrap && !vf.supportsUnwrapping()) {
        throw new KsqlException("Format '" + vf.name() + "' does not support 'WRAP_SINGLE_VALUE' set to 'false'.");
      }
    }
    return wrap;
  }

  private static DataSource.TimestampColumn timestamp(WithProperties with, List<Column> value, List<Column> key) {
    String column = with.string("TIMESTAMP");
    if (column == null) {
      return null;
    }
    String name = io.rtdp.ksql.engine.parser.Names.normalize(column);
    Column c = new LogicalSchema(key, value).find(name)
        .orElseThrow(() -> new KsqlException("The TIMESTAMP column set in the WITH clause does not exist in the "
            + "schema: '" + name + "'"));
    String format = with.string("TIMESTAMP_FORMAT");
    SqlBaseType t = c.type().base();
    boolean ok = t == SqlBaseType.BIGINT || t == SqlBaseType.TIMESTAMP || (t == SqlBaseType.STRING && format != null);
    if (!ok) {
      throw new KsqlException("Timestamp column, `" + name + "`, should be LONG(INT64), TIMESTAMP, or a String with "
          + "a timestamp_format specified.");
    }
    return new DataSource.TimestampColumn(name, format);
  }

  private static DataSource.WindowInfo window(WithProperties with) {
    String type = with.string("WINDOW_TYPE");
    String size = with.string("WINDOW_SIZE");
    if (type == null) {
      if (size != null) {
        throw new KsqlException("'WINDOW_SIZE' should not be set without 'WINDOW_TYPE'.");
      }
      return null;
    }
    String t = type.toUpperCase(Locale.ROOT);
    switch (t) {
      case "SESSION" -> {
        if (size != null) {
          throw new KsqlException("'WINDOW_SIZE' should not be set for SESSION windows.");
        }
        return new DataSource.WindowInfo(t, null);
      }
      case "TUMBLING", "HOPPING" -> {
        if (size == null) {
          throw new KsqlException("WINDOW_SIZE required for " + t + " windows.");
        }
        try {
          return new DataSource.WindowInfo(t, Durations.parse(size));
        } catch (KsqlException e) {
          throw new KsqlException("Configuration WINDOW_SIZE is invalid: " + e.getMessage());
        }
      }
      default -> throw new KsqlException("Invalid WINDOW_TYPE: " + type);
    }
  }

}
