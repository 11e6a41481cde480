package io.rtdp.ksql.engine.serde;

import io.rtdp.avro.client.SchemaText;
import io.rtdp.ksql.engine.schema.Column;
import io.rtdp.ksql.engine.schema.SqlType;
import java.util.List;
import org.apache.kafka.common.serialization.Serde;

/**
 * A serialization format for keys or values. Each format is one implementation behind
 * {@link Formats}, so new ones (AVRO, PROTOBUF, …) plug in without touching the planner.
 */
public interface Format {
  String name();

  /**
   * Whether a row is written as no record at all: a null row, or a single-column key that is null
   * (a null key reads back as such a row, and ksqlDB writes it as a null key again). Multi-column
   * keys of null columns stay records: PARTITION BY and GROUP BY produce them.
   */
  static boolean writesNothing(List<Object> values, boolean isKey) {
    return values == null || (isKey && values.size() == 1 && values.get(0) == null);
  }

  /** ksqlDB's message for key columns a key format cannot carry. */
  static String keyFormatProblem(String format, List<Column> columns, String reason) {
    return "Key format does not support schema.\nformat: " + format + "\nschema: Persistence{columns=" + columns
        + ", features=[]}\nreason: " + reason;
  }

  /** Rejects column sets the format cannot carry, with ksqlDB's message. */
  void validate(List<Column> columns, boolean isKey, FormatOptions options);

  /** Serde of the column values, in column order; a null record is a null list. */
  Serde<List<Object>> serde(List<Column> columns, boolean isKey, FormatOptions options);

  /** Whether a single value column may be written as a one-field object. */
  boolean supportsWrapping();

  /** Whether a single value column may be written bare. */
  boolean supportsUnwrapping();

  /** Whether the format keeps its schemas in a schema registry (and so can infer columns from it). */
  default boolean usesSchemaRegistry() {
    return false;
  }

  /**
   * For schema-registry formats: makes sure the schema the columns are written with is in the
   * registry under the topic's subject (checks a given schema id exists, else registers the generated
   * schema; with {@code onlyIfSubjectMissing}, leaves a subject that already exists alone). Other
   * formats have nothing to register.
   */
  default void registerSchema(String topic, List<Column> columns, boolean isKey, FormatOptions options,
      boolean onlyIfSubjectMissing) {
  }

  /**
   * The SQL type of data written with a registered schema (schema inference; a STRUCT for records);
   * only schema-registry formats have one.
   */
  default SqlType sqlTypeOf(SchemaText schema) {
    throw new UnsupportedOperationException(name() + " does not read schemas from a registry");
  }
}
