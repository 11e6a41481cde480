package io.rtdp.ksql.server.rqtt;

import com.fasterxml.jackson.databind.JsonNode;
import io.rtdp.avro.client.RegisteredSchema;
import io.rtdp.avro.client.RegistryClient;
import io.rtdp.avro.client.SchemaRegistryClient;
import io.rtdp.avro.serde.WireFormat;
import io.rtdp.ksql.engine.serde.AvroSchemas;
import io.rtdp.ksql.engine.serde.AvroValues;
import io.rtdp.ksql.engine.serde.JsonValues;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;

/**
 * AVRO test records in Confluent's wire format against the run's schema registry, as ksqlDB's REST
 * test executor handles them: the schemas a case lists in {@code topics} are registered before its
 * statements run; an input is written with the latest schema of its topic's subject (the one
 * registered by the case, or by the CREATE that declared the columns); an output is read with its
 * writer's schema alone. Every subject is deleted after a case, so the next starts clean.
 */
final class AvroRecords {
  private final String url;
  private final RegistryClient registry;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  AvroRecords(String url) {
    this.url = url;
    // No caching of "latest": a subject registered by one case is deleted before the next.
    this.registry = new SchemaRegistryClient(url, Duration.ZERO);
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

  /** The JSON test value written with the latest schema of the subject. */
  byte[] encode(String subject, JsonNode value) {
    RegisteredSchema latest = registry.latest(subject);
    Schema schema = latest.schema();
    Object datum = AvroValues.toAvro(JsonValues.fromJson(value, AvroSchemas.toSqlType(schema)), schema, "");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(WireFormat.header(latest.id()));
    try {
      BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
      new GenericDatumWriter<>(schema, GenericData.get()).write(datum, encoder);
      encoder.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** Wire-format bytes as JSON, read with the schema they were written with. */
  JsonNode decode(byte[] bytes) {
    Schema writer = registry.schemaById(WireFormat.schemaId("", bytes));
    try {
      Object datum = new GenericDatumReader<>(writer, writer, GenericData.get()).read(null,
          DecoderFactory.get().binaryDecoder(bytes, WireFormat.HEADER_SIZE, bytes.length - WireFormat.HEADER_SIZE,
              null));
      return JsonValues.toJson(AvroValues.fromAvro(datum, writer, AvroSchemas.toSqlType(writer)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Deletes every subject for good (soft, then permanently, as the registry's API requires). */
  void deleteAllSubjects() throws IOException, InterruptedException {
    for (JsonNode subject : RqttLoader.JSON.readTree(send("GET", "/subjects"))) {
      send("DELETE", "/subjects/" + subject.asText());
      send("DELETE", "/subjects/" + subject.asText() + "?permanent=true");
    }
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
