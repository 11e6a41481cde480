package io.rtdp.ksql.engine.serde;

import io.rtdp.ksql.engine.KsqlException;

/** A schema-registry format was used but {@code ksql.schema.registry.url} is not set (ksqlDB's error 42801). */
public final class SchemaRegistryNotConfiguredException extends KsqlException {
  public SchemaRegistryNotConfiguredException(String message) {
    super(message);
  }
}
