package io.rtdp.ksql.engine.parser;

/** Where a node starts in the statement text: 1-based line and column, as ksqlDB reports them. */
public record Pos(int line, int column) {
  public static final Pos NONE = new Pos(0, 0);

  @Override
  public String toString() {
    return "Line: " + line + ", Col: " + column;
  }
}
