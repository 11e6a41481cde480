package io.rtdp.ksql.engine.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Key columns then value columns of a source, as SPEC §2.2 renders them. */
public record LogicalSchema(List<Column> key, List<Column> value) {
  public LogicalSchema {
    key = List.copyOf(key);
    value = List.copyOf(value);
  }

  public List<Column> columns() {
    List<Column> all = new ArrayList<>(key);
    all.addAll(value);
    return all;
  }

  public Optional<Column> find(String name) {
    return columns().stream().filter(c -> c.name().equals(name)).findFirst();
  }

  @Override
  public String toString() {
    return columns().stream().map(Column::toString).collect(Collectors.joining(", "));
  }
}
