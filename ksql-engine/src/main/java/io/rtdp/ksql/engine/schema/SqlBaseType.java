package io.rtdp.ksql.engine.schema;

/** The families of SQL types; numeric ones are ordered by implicit widening. */
public enum SqlBaseType {
  BOOLEAN, INTEGER, BIGINT, DECIMAL, DOUBLE, STRING, BYTES, DATE, TIME, TIMESTAMP, ARRAY, MAP, STRUCT;

  public boolean isNumber() {
    return this == INTEGER || this == BIGINT || this == DECIMAL || this == DOUBLE;
  }

  public boolean isTemporal() {
    return this == DATE || this == TIME || this == TIMESTAMP;
  }

  /** INT→BIGINT→DECIMAL→DOUBLE, as ksqlDB widens implicitly. */
  public boolean canImplicitlyCastTo(SqlBaseType to) {
    if (this == to) {
      return true;
    }
    return isNumber() && to.isNumber() && ordinal() < to.ordinal();
  }
}
