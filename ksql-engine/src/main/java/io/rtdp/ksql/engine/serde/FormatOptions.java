package io.rtdp.ksql.engine.serde;

/**
 * Per-source format settings from WITH properties; {@code wrapSingleValue} null = format default;
 * {@code registry} is set for the schema-registry formats only.
 */
public record FormatOptions(Boolean wrapSingleValue, char delimiter, RegistryOptions registry) {
  public static final FormatOptions DEFAULT = new FormatOptions(null, ',');

  public FormatOptions(Boolean wrapSingleValue, char delimiter) {
    this(wrapSingleValue, delimiter, null);
  }

  /** Whether a single column is written bare: always for keys, for values when WRAP_SINGLE_VALUE is false. */
  public boolean unwrapped(int columns, boolean isKey) {
    return columns == 1 && (isKey || Boolean.FALSE.equals(wrapSingleValue));
  }
}
