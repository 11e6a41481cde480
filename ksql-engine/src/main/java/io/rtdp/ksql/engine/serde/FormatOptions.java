package io.rtdp.ksql.engine.serde;

/** Per-source format settings from WITH properties; {@code wrapSingleValue} null = format default. */
public record FormatOptions(Boolean wrapSingleValue, char delimiter) {
  public static final FormatOptions DEFAULT = new FormatOptions(null, ',');
}
