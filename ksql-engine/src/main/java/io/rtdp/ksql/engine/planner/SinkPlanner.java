package io.rtdp.ksql.engine.planner;

import io.rtdp.ksql.engine.EngineConfig;
import io.rtdp.ksql.engine.KafkaTopics;
import io.rtdp.ksql.engine.KsqlException;
import io.rtdp.ksql.engine.analyzer.RegistryProperties;
import io.rtdp.ksql.engine.analyzer.WithProperties;
import io.rtdp.ksql.engine.expression.Compiled;
import io.rtdp.ksql.engine.expression.Evaluator;
import io.rtdp.ksql.engine.metastore.DataSource;
import io.rtdp.ksql.engine.parser.Names;
import io.rtdp.ksql.engine.schema.KeyColumns;
import io.rtdp.ksql.engine.schema.LogicalSchema;
import io.rtdp.ksql.engine.serde.Format;
import io.rtdp.ksql.engine.serde.FormatOptions;
import io.rtdp.ksql.engine.serde.Formats;
import java.util.List;
import java.util.Map;

/**
 * The sink of a persistent query: a new stream or table with its formats and topic (created when
 * missing), or the existing one INSERT INTO writes to, whose schema must match the result.
 */
final class SinkPlanner {
  private final EngineConfig config;
  private final KafkaTopics topics;

  SinkPlanner(EngineConfig config, KafkaTopics topics) {
    this.config = config;
    this.topics = topics;
  }

  DataSource resolve(QueryPlanner.Target target, DataSource source, LogicalSchema schema, DataSource.WindowInfo window,
      String sql) {
    if (schema.value().isEmpty()) {
      throw new KsqlException("The projection contains no value columns.");
    }
    KeyColumns.check(schema.key());
    if (target.existing() != null) {
      return checkInsertTarget(target.existing(), schema);
    }
    WithProperties with = target.with();
    String keyFormat = with.keyFormat();
    if (keyFormat == null) {
      keyFormat = schema.key().isEmpty() ? "NONE"
          : source.keyFormat().equals("NONE") ? config.defaultKeyFormat() : source.keyFormat();
    }
    String valueFormat = with.valueFormat() != null ? with.valueFormat() : source.valueFormat();
    Format kf = Formats.of(keyFormat);
    Format vf = Formats.of(valueFormat);
    with.checkDelimiters(kf.name(), vf.name());
    Boolean wrap = with.bool("WRAP_SINGLE_VALUE");
    if (wrap != null) {
      if (schema.value().size() != 1) {
        throw new KsqlException("'WRAP_SINGLE_VALUE' is only valid for single-field value schemas");
      }
      if (wrap && !vf.supportsWrapping()) {
        throw new KsqlException("Format '" + vf.name() + "' does not support 'WRAP_SINGLE_VALUE' set to 'true'.");
      }
    } else if (schema.value().size() == 1 && config.wrapSingleValues() != null
        && (vf.supportsWrapping() || !config.wrapSingleValues())) {
      wrap = config.wrapSingleValues();
    }
    FormatOptions keyOptions = new FormatOptions(null, with.has("KEY_DELIMITER") ? with.delimiter("KEY_DELIMITER")
        : source.keyOptions().delimiter(), RegistryProperties.key(with, kf, target.name(), config));
    FormatOptions valueOptions = new FormatOptions(wrap, with.has("VALUE_DELIMITER")
        ? with.delimiter("VALUE_DELIMITER") : source.valueOptions().delimiter(),
        RegistryProperties.value(with, vf, config));
    kf.validate(schema.key(), true, keyOptions);
    vf.validate(schema.value(), false, valueOptions);
    String topic = with.string("KAFKA_TOPIC") != null ? with.string("KAFKA_TOPIC")
        : config.outputTopicPrefix() + target.name();
    // The sink's schemas are registered when the query is created, so that consumers can read its
    // topic before the first record, and a registry that refuses them fails the statement, not the query.
    kf.registerSchema(topic, schema.key(), true, keyOptions, false);
    vf.registerSchema(topic, schema.value(), false, valueOptions, false);
    Integer partitions = with.integer("PARTITIONS");
    if (!topics.exists(topic)) {
      topics.create(topic, partitions != null ? partitions : topics.partitions(source.topic()));
    }
    DataSource.TimestampColumn ts = with.string("TIMESTAMP") == null ? null
        : new DataSource.TimestampColumn(Names.normalize(with.string("TIMESTAMP")),
            with.string("TIMESTAMP_FORMAT"));
    return new DataSource(target.name(), target.kind(), schema, topic, kf.name(), vf.name(), keyOptions,
        valueOptions, ts, window, false, sql);
  }

  private static DataSource checkInsertTarget(DataSource existing, LogicalSchema schema) {
    if (!existing.schema().equals(schema)) {
      throw new KsqlException("Incompatible schema between results and sink.\nResult schema is " + schema
          + "\nSink schema is " + existing.schema());
    }
    return existing;
  }

  /** The evaluator of the column the WITH clause names as TIMESTAMP, or null. */
  static Evaluator timestamp(QueryPlanner.Target target, List<SelectColumn> select,
      Map<SelectColumn, Compiled> compiled) {
    String column = target.with().string("TIMESTAMP");
    if (column == null) {
      return null;
    }
    String name = Names.normalize(column);
    SelectColumn c = select.stream().filter(s -> s.name().equals(name)).findFirst()
        .orElseThrow(() -> new KsqlException("The TIMESTAMP column set in the WITH clause does not exist in the "
            + "schema: '" + name + "'"));
    return compiled.get(c).evaluator();
  }
}
