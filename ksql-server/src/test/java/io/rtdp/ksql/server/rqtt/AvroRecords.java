package io.rtdp.ksql.server.rqtt;

import com.fasterxml.jackson.databind.JsonNode;
import io.rtdp.avro.client.RegisteredSchema;
import io.rtdp.avro.client.RegistryClient;
import io.rtdp.avro.client.RegistryClientException;
import io.rtdp.avro.client.SchemaRegistryClient;
import io.rtdp.ksql.engine.qtt.RegistryTestData;
import io.rtdp.ksql.engine.serde.AvroSchemas;
import io.rtdp.ksql.engine.serde.JsonValues;
import io.rtdp.ksql.engine.schema.Column;
import io.rtdp.ksql.engine.schema.SqlBaseType;
import io.rtdp.ksql.engine.schema.SqlType;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;

/**
 * AVRO test records in Confluent's wire format against the run's schema registry, as ksqlDB's REST
 * test executor handles them: the schemas a case lists in {@code topics} are registered before its
 * statements run; an input is written with the latest schema of its topic's subject (the one
 * registered by the case, or by the CREATE that declared the columns); an output is read with its
 * writer's schema alone. Every subject is deleted after a case, so the next starts clean.
 *
 * <p>The server's registry client remembers the schemas it registered and caches a subject's
 * latest version for 30 s, so a CREATE soon after the previous case's clean-up may believe its
 * subject still exists and register nothing. The runner then registers what the CREATE would
 * have: the source's declared columns.
 */
final class AvroRecords {
  /** Confluent's error code for a subject the registry does not have. */
  private static final int SUBJECT_NOT_FOUND = 40401;

  private final String url;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  /** A new client after each clean-up: a client remembers registrations of subjects deleted since. */
  private RegistryClient registry;

  AvroRecords(String url) {
    this.url = url;
    this.registry = newClient();
  }

  private RegistryClient newClient() {
    return new SchemaRegistryClient(url, Duration.ZERO);
  }

  /** Whether every schema the topic lists is an Avro one (the registry stores no other type). */
  static boolean avroOnly(JsonNode topic) {
    for (String side : new String[] {"key", "value"}) {
      if (topic.has(side + "Schema") && !topic.path(side + "Format").asText("AVRO").equalsIgnoreCase("AVRO")) {
        return false;
      }
    }
    return true;
  }

  /** Registers the topic's {@code keySchema} and {@code valueSchema} under {@code <topic>-key/-value}. */
  void register(JsonNode topic) {
    for (String side : new String[] {"key", "value"}) {
      JsonNode schema = topic.get(side + "Schema");
      if (schema != null) {
        registry.register(topic.path("name").asText() + "-" + side, new Schema.Parser().parse(schema.toString()));
      }
    }
  }

  /**
   * The JSON test value written with the latest schema of the subject; without one, with the
   * schema of the columns the source declares (a /ksql source description).
   */
  byte[] encode(String subject, JsonNode value, JsonNode source, boolean key) {
    RegisteredSchema latest;
    try {
      latest = registry.latest(subject);
    } catch (RegistryClientException e) {
      if (e.errorCode() != SUBJECT_NOT_FOUND || source == null) {
        throw e;
      }
      registry.register(subject, declared(source, key));
      latest = registry.latest(subject);
    }
    return RegistryTestData.encode(value, latest.schema(), latest.id());
  }

  /** As ksqlDB registers declared columns: a single key column unwrapped, values in a record. */
  private static Schema declared(JsonNode source, boolean key) {
    List<Column> columns = new ArrayList<>();
    for (JsonNode field : source.path("fields")) {
      String type = field.path("type").asText();
      if (key == type.equals("KEY") && !type.equals("HEADER")) {
        columns.add(new Column(field.path("name").asText(), sqlType(field.path("schema")),
            key ? Column.Namespace.KEY : Column.Namespace.VALUE));
      }
    }
    String name = key ? AvroSchemas.defaultKeyName(source.path("name").asText()) : AvroSchemas.DEFAULT_VALUE_NAME;
    return AvroSchemas.generate(columns, key && columns.size() == 1, key, name);
  }

  /** A type as DESCRIBE renders it: {@code {"type", "fields", "memberSchema", "parameters"}}. */
  private static SqlType sqlType(JsonNode schema) {
    SqlBaseType base = SqlBaseType.valueOf(schema.path("type").asText());
    return switch (base) {
      case DECIMAL -> new SqlType.Decimal(schema.path("parameters").path("precision").asInt(),
          schema.path("parameters").path("scale").asInt());
      case ARRAY -> new SqlType.Array(sqlType(schema.path("memberSchema")));
      case MAP -> new SqlType.MapType(new SqlType.Primitive(SqlBaseType.STRING), sqlType(schema.path("memberSchema")));
      case STRUCT -> {
        List<SqlType.Field> fields = new ArrayList<>();
        schema.path("fields").forEach(f -> fields.add(new SqlType.Field(f.path("name").asText(),
            sqlType(f.path("schema")))));
        yield new SqlType.Struct(fields);
      }
      default -> new SqlType.Primitive(base);
    };
  }

  /** Wire-format bytes as JSON, read with the schema they were written with. */
  JsonNode decode(byte[] bytes) {
    return JsonValues.toJson(RegistryTestData.decode(bytes, registry));
  }

  /**
   * Deletes every subject, softly: the schemas stay readable by id, as the server's client may
   * still write records with an id it registered in an earlier case.
   */
  void deleteAllSubjects() throws IOException, InterruptedException {
    for (JsonNode subject : RqttLoader.JSON.readTree(send("GET", "/subjects"))) {
      send("DELETE", "/subjects/" + subject.asText());
    }
    registry = newClient();
  }

  private String send(String method, String path) throws IOException, InterruptedException {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url + path))
        .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IOException(method + " " + path + " answered " + r.statusCode() + ": " + r.body());
    }
    return r.body();
  }
}
