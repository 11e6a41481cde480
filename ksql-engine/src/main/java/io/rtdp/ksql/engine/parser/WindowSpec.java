package io.rtdp.ksql.engine.parser;

/** A WINDOW clause; {@code advanceMs} only for HOPPING, optional parts null when absent. */
public record WindowSpec(Type type, long sizeMs, Long advanceMs, Long retentionMs, Long graceMs) {
  public enum Type { TUMBLING, HOPPING, SESSION }
}
