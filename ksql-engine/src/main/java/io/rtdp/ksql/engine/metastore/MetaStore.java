package io.rtdp.ksql.engine.metastore;

import io.rtdp.ksql.engine.KsqlException;
import io.rtdp.ksql.engine.schema.SqlType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Streams, tables and custom types, changed only by executed statements. */
public final class MetaStore {
  private final Map<String, DataSource> sources = new LinkedHashMap<>();
  private final Map<String, SqlType> types = new LinkedHashMap<>();

  /** Makes this store hold what {@code other} holds; definitions are immutable and shared. */
  public void copyFrom(MetaStore other) {
    sources.clear();
    sources.putAll(other.sources);
    types.clear();
    types.putAll(other.types);
  }

  public Optional<DataSource> source(String name) {
    return Optional.ofNullable(sources.get(name));
  }

  public DataSource require(String name) {
    DataSource s = sources.get(name);
    if (s == null) {
      throw new KsqlException(name + " does not exist.");
    }
    return s;
  }

  /** A hint for a name that only differs in case from an existing source, else the empty string. */
  public String caseHint(String name) {
    for (String existing : sources.keySet()) {
      if (existing.equalsIgnoreCase(name) && !existing.equals(name)) {
        return "\nDid you mean \"" + existing + "\"? Hint: wrap the source name in double quotes to make it "
            + "case-sensitive.";
      }
    }
    return "";
  }

  public List<DataSource> sources() {
    return new ArrayList<>(sources.values());
  }

  /** Adds or, with {@code replace}, overwrites a source definition. */
  public void put(DataSource source, boolean replace) {
    DataSource existing = sources.get(source.name());
    if (existing != null && !replace) {
      throw new KsqlException("Cannot add " + source.kind().lower() + " '" + source.name() + "': A "
          + existing.kind().lower() + " with the same name already exists");
    }
    sources.put(source.name(), source);
  }

  public void remove(String name) {
    sources.remove(name);
  }

  public Optional<SqlType> type(String name) {
    return Optional.ofNullable(types.get(name));
  }

  /** False when a type of that name exists already. */
  public boolean registerType(String name, SqlType type) {
    return types.putIfAbsent(name, type) == null;
  }

  public boolean dropType(String name) {
    return types.remove(name) != null;
  }
}
