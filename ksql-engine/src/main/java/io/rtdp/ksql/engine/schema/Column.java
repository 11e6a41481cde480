package io.rtdp.ksql.engine.schema;

/** A column of a source or query result. */
public record Column(String name, SqlType type, Namespace namespace) {
  public enum Namespace { KEY, VALUE, HEADERS }

  public boolean isKey() {
    return namespace == Namespace.KEY;
  }

  @Override
  public String toString() {
    return "`" + name + "` " + type + (isKey() ? " KEY" : "");
  }
}
