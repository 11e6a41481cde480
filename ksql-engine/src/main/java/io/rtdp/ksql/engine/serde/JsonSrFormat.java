package io.rtdp.ksql.engine.serde;

import io.rtdp.avro.client.RegistryClient;
import io.rtdp.avro.client.RegistryClientException;
import io.rtdp.avro.client.SchemaText;
import io.rtdp.avro.serde.WireFormat;
import io.rtdp.ksql.engine.KsqlException;
import io.rtdp.ksql.engine.schema.Column;
import io.rtdp.ksql.engine.schema.SqlType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * JSON_SR: the JSON format behind the schema registry's header (magic byte, schema id). The JSON
 * schema generated from the columns is registered under {@code <topic>-key}/{@code <topic>-value};
 * reading needs only the JSON, so any producer's schema reads as long as its fields match by name.
 * Data without the header is rejected, as ksqlDB's JSON_SR deserializer does.
 */
final class JsonSrFormat implements Format {
  private final JsonFormat json = new JsonFormat();

  @Override
  public String name() {
    return "JSON_SR";
  }

  @Override
  public void validate(List<Column> columns, boolean isKey, FormatOptions options) {
    json.validate(columns, isKey, options);
  }

  @Override
  public Serde<List<Object>> serde(List<Column> columns, boolean isKey, FormatOptions options) {
    if (columns.isEmpty()) {
      return Serdes.serdeFrom((topic, v) -> null, (topic, bytes) -> new ArrayList<>());
    }
    boolean unwrapped = options.unwrapped(columns.size(), isKey);
    RegistryOptions registry = options.registry();
    String schema = JsonSchemas.generate(columns, unwrapped, isKey).toString();
    Map<String, Integer> idByTopic = new ConcurrentHashMap<>();
    return Serdes.serdeFrom(
        (topic, values) -> {
          if (Format.writesNothing(values, isKey)) {
            return null;
          }
          int id = registry.schemaId() != null ? registry.schemaId()
              : idByTopic.computeIfAbsent(topic, t -> register(registry.client(), t, isKey, schema));
          ByteArrayOutputStream out = new ByteArrayOutputStream();
          out.writeBytes(WireFormat.header(id));
          out.writeBytes(JsonFormat.write(columns, values, unwrapped));
          return out.toByteArray();
        },
        (topic, bytes) -> {
          if (bytes != null) {
            if (bytes.length < WireFormat.HEADER_SIZE || bytes[0] != WireFormat.MAGIC_BYTE) {
              throw new SerializationException("JSON_SR data on topic " + topic + " must start with the schema "
                  + "registry header (magic byte 0, 4-byte schema id), but this record does not: it is plain JSON "
                  + "or another format. Declare the source with " + (isKey ? "KEY" : "VALUE") + "_FORMAT='JSON' to read "
                  + "plain JSON");
            }
            bytes = Arrays.copyOfRange(bytes, WireFormat.HEADER_SIZE, bytes.length);
          }
          return JsonFormat.read(columns, bytes, unwrapped, isKey);
        });
  }

  private static int register(RegistryClient registry, String topic, boolean isKey, String schema) {
    try {
      return registry.register(RegistrySubjects.of(topic, isKey), "JSON", schema);
    } catch (RegistryClientException e) {
      throw new SerializationException("Cannot register the JSON schema of topic " + topic + " in the schema "
          + "registry at " + registry.urls() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void registerSchema(String topic, List<Column> columns, boolean isKey, FormatOptions options,
      boolean onlyIfSubjectMissing) {
    if (!columns.isEmpty()) {
      String schema = JsonSchemas.generate(columns, options.unwrapped(columns.size(), isKey), isKey).toString();
      RegistrySubjects.ensureRegistered(options.registry(), topic, isKey, "JSON", schema, onlyIfSubjectMissing);
    }
  }

  @Override
  public SqlType sqlTypeOf(SchemaText schema) {
    if (!schema.schemaType().equals("JSON")) {
      throw new KsqlException("schema id " + schema.id() + " is a " + schema.schemaType() + " schema, not a JSON one");
    }
    try {
      return JsonSchemas.toSqlType(JsonFormat.MAPPER.readTree(schema.schema()));
    } catch (IOException e) {
      throw new KsqlException("schema id " + schema.id() + " is not valid JSON: " + e.getMessage(), e);
    }
  }

  @Override
  public boolean supportsWrapping() {
    return true;
  }

  @Override
  public boolean supportsUnwrapping() {
    return true;
  }

  @Override
  public boolean usesSchemaRegistry() {
    return true;
  }
}
