package io.rtdp.ksql.engine.analyzer;

import io.rtdp.avro.client.RegistryClient;
import io.rtdp.avro.client.RegistryClientException;
import io.rtdp.avro.client.SchemaText;
import io.rtdp.ksql.engine.KsqlException;
import io.rtdp.ksql.engine.schema.Column;
import io.rtdp.ksql.engine.schema.SqlType;
import io.rtdp.ksql.engine.serde.Format;
import java.util.ArrayList;
import java.util.List;

/**
 * Columns of a CREATE without (key or value) columns, read from the schema registry: the latest
 * schema of {@code <topic>-key}/{@code <topic>-value}, or the schema id the statement gives (SPEC §2.4).
 * Record fields become columns; any other schema is one column, {@code ROWKEY} or {@code ROWVAL}.
 */
final class SchemaInference {
  /** The inferred columns, the id of the schema they came from, and whether the value is a bare (unwrapped) one. */
  record Inferred(List<Column> columns, int schemaId, boolean unwrapped) {}

  private final RegistryClient registry;
  private final Format format;
  private final String topic;

  SchemaInference(RegistryClient registry, Format format, String topic) {
    this.registry = registry;
    this.format = format;
    this.topic = topic;
  }

  /** The key column, or null when no schema id is given and the key subject does not exist. */
  Inferred keyIfRegistered(Integer schemaId) {
    if (schemaId == null && !exists(topic + "-key")) {
      return null;
    }
    return key(schemaId);
  }

  Inferred key(Integer schemaId) {
    SchemaText schema = fetch(true, schemaId);
    List<Column> columns = new ArrayList<>();
    columns.add(new Column("ROWKEY", sqlType(schema, true), Column.Namespace.KEY));
    return new Inferred(columns, schema.id(), true);
  }

  /** The value columns; {@code wrap} is WRAP_SINGLE_VALUE as given (false reads the whole schema as one column). */
  Inferred value(Integer schemaId, Boolean wrap) {
    SchemaText registered = fetch(false, schemaId);
    SqlType type = sqlType(registered, false);
    List<Column> columns = new ArrayList<>();
    if (!(type instanceof SqlType.Struct struct) || Boolean.FALSE.equals(wrap)) {
      columns.add(new Column("ROWVAL", type, Column.Namespace.VALUE));
      return new Inferred(columns, registered.id(), true);
    }
    struct.fields().forEach(f -> columns.add(new Column(f.name(), f.type(), Column.Namespace.VALUE)));
    return new Inferred(columns, registered.id(), false);
  }

  private boolean exists(String subject) {
    try {
      registry.latestText(subject);
      return true;
    } catch (RegistryClientException e) {
      if (e.errorCode() == 40401) {
        return false;
      }
      throw unreachable(e);
    }
  }

  private SchemaText fetch(boolean isKey, Integer schemaId) {
    String what = isKey ? "keys" : "values";
    String subject = topic + (isKey ? "-key" : "-value");
    try {
      return schemaId != null ? registry.textById(schemaId) : registry.latestText(subject);
    } catch (RegistryClientException e) {
      if (schemaId != null && e.errorCode() == 40403) {
        throw new KsqlException("Schema for message " + what + " on topic '" + topic + "' does not exist in the "
            + "Schema Registry: there is no schema with id " + schemaId + " (" + (isKey ? "KEY" : "VALUE")
            + "_SCHEMA_ID).\nCheck the id with GET /schemas/ids/" + schemaId + " on " + registry.urls() + ".");
      }
      if (e.errorCode() == 40401 || e.errorCode() == 40402) {
        throw new KsqlException("Schema for message " + what + " on topic '" + topic + "' does not exist in the "
            + "Schema Registry.\nSubject: " + subject + "\n\n"
            + "The columns of a CREATE without a column list come from the latest schema of that subject, so either:\n"
            + "- list the columns in the statement, or\n"
            + "- register the schema first (a producer using a schema-registry serializer does it), or\n"
            + "- check that " + registry.urls() + " is the registry the topic's producers use (GET /subjects lists "
            + "its subjects).");
      }
      throw unreachable(e);
    }
  }

  private KsqlException unreachable(RegistryClientException e) {
    return new KsqlException("Cannot read schemas of topic '" + topic + "' from the Schema Registry at "
        + registry.urls() + ": " + e.getMessage(), e);
  }

  private SqlType sqlType(SchemaText schema, boolean isKey) {
    try {
      return format.sqlTypeOf(schema);
    } catch (RuntimeException e) {
      throw new KsqlException("Unable to use the " + (isKey ? "key" : "value") + " schema of topic '" + topic
          + "' from the Schema Registry: " + e.getMessage(), e);
    }
  }
}
