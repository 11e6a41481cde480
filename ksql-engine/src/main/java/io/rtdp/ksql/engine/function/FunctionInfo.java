package io.rtdp.ksql.engine.function;

/** What DESCRIBE FUNCTION / SHOW FUNCTIONS show about a function. */
public record FunctionInfo(String name, Kind kind, String description, String category, String author,
    String version, String path) {
  public enum Kind { SCALAR, AGGREGATE, TABLE }
}
