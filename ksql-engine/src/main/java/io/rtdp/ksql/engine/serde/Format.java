package io.rtdp.ksql.engine.serde;

import io.rtdp.ksql.engine.schema.Column;
import java.util.List;
import org.apache.kafka.common.serialization.Serde;

/**
 * A serialization format for keys or values. Each format is one implementation behind
 * {@link Formats}, so new ones (AVRO, PROTOBUF, …) plug in without touching the planner.
 */
public interface Format {
  String name();

  /** Rejects column sets the format cannot carry, with ksqlDB's message. */
  void validate(List<Column> columns, boolean isKey, FormatOptions options);

  /** Serde of the column values, in column order; a null record is a null list. */
  Serde<List<Object>> serde(List<Column> columns, boolean isKey, FormatOptions options);

  /** Whether a single value column may be written as a one-field object. */
  boolean supportsWrapping();

  /** Whether a single value column may be written bare. */
  boolean supportsUnwrapping();
}
