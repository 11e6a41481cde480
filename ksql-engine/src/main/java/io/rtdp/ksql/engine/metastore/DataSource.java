package io.rtdp.ksql.engine.metastore;

import io.rtdp.ksql.engine.schema.LogicalSchema;
import io.rtdp.ksql.engine.serde.FormatOptions;

/**
 * A registered stream or table: its schema, backing topic and formats. {@code timestampColumn}
 * and {@code window} are null when not set; {@code readOnly} marks CREATE SOURCE objects.
 */
public record DataSource(
    String name,
    Kind kind,
    LogicalSchema schema,
    String topic,
    String keyFormat,
    String valueFormat,
    FormatOptions keyOptions,
    FormatOptions valueOptions,
    TimestampColumn timestampColumn,
    WindowInfo window,
    boolean readOnly,
    String sql) {

  public enum Kind {
    STREAM, TABLE;

    public String lower() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** {@code format} is the TIMESTAMP_FORMAT pattern for STRING columns, else null. */
  public record TimestampColumn(String column, String format) {}

  /** {@code sizeMs} is null for SESSION windows. */
  public record WindowInfo(String type, Long sizeMs) {}

  public boolean isTable() {
    return kind == Kind.TABLE;
  }

  public boolean isWindowed() {
    return window != null;
  }
}
