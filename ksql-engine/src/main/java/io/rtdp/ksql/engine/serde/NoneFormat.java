package io.rtdp.ksql.engine.serde;

import io.rtdp.ksql.engine.KsqlException;
import io.rtdp.ksql.engine.schema.Column;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/** NONE: nothing is (de)serialized; the key of key-less streams. */
final class NoneFormat implements Format {
  @Override
  public String name() {
    return "NONE";
  }

  @Override
  public void validate(List<Column> columns, boolean isKey, FormatOptions options) {
    if (!columns.isEmpty()) {
      throw new KsqlException("The 'NONE' format can only be used when no columns are defined. Got: ["
          + columns.stream().map(Column::toString).collect(Collectors.joining(", ")) + "]");
    }
  }

  @Override
  public Serde<List<Object>> serde(List<Column> columns, boolean isKey, FormatOptions options) {
    return Serdes.serdeFrom((topic, v) -> null, (topic, bytes) -> new ArrayList<>());
  }

  @Override
  public boolean supportsWrapping() {
    return false;
  }

  @Override
  public boolean supportsUnwrapping() {
    return true;
  }
}
