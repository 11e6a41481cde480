package io.rtdp.ksql.engine.qtt;

import com.fasterxml.jackson.databind.JsonNode;
import io.rtdp.avro.client.InMemoryRegistryClient;
import io.rtdp.avro.client.RegistryClient;
import io.rtdp.avro.serde.WireFormat;
import io.rtdp.ksql.engine.serde.AvroSchemas;
import io.rtdp.ksql.engine.serde.AvroValues;
import io.rtdp.ksql.engine.serde.JsonValues;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;

/**
 * Schema-registry test data as ksqlDB's runner handles it: the schemas of the file's {@code topics} go
 * into the in-memory registry first. AVRO input JSON is written with the topic's registered schema (so
 * the engine meets the schema producers used, not its own); AVRO output bytes are read with the
 * writer's schema alone, whatever the sink's columns, and compared as qtt/README.md §1.1 says.
 * ksql-server's RQTT runner writes and reads its AVRO records the same way (through the test-jar).
 */
public final class RegistryTestData {
  private RegistryTestData() {}

  /**
   * Registers a topic's {@code keySchema}/{@code valueSchema} (Avro unless {@code keyFormat}/{@code valueFormat}
   * says JSON_SR), under the given ids when there are.
   */
  static void register(InMemoryRegistryClient registry, JsonNode topic) {
    String name = topic.path("name").asText();
    for (String side : new String[] {"key", "value"}) {
      JsonNode schema = topic.get(side + "Schema");
      if (schema == null) {
        continue;
      }
      boolean json = topic.path(side + "Format").asText("AVRO").equals("JSON_SR");
      String text = json ? schema.toString() : new Schema.Parser().parse(schema.toString()).toString();
      String subject = name + "-" + side;
      JsonNode id = topic.get(side + "SchemaId");
      if (id != null) {
        registry.register(subject, json ? "JSON" : "AVRO", text, id.asInt());
      } else {
        registry.register(subject, json ? "JSON" : "AVRO", text);
      }
    }
  }

  /** The JSON test value in the wire format of the schema registered under {@code id}. */
  static byte[] encode(JsonNode value, RegistryClient registry, int id) {
    return encode(value, registry.schemaById(id), id);
  }

  /** The JSON test value written with {@code schema}, in the wire format naming its registry id. */
  public static byte[] encode(JsonNode value, Schema schema, int id) {
    Object datum = AvroValues.toAvro(JsonValues.fromJson(value, AvroSchemas.toSqlType(schema)), schema, "");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(WireFormat.header(id));
    try {
      BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
      new GenericDatumWriter<>(schema, GenericData.get()).write(datum, encoder);
      encoder.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** The content of wire-format bytes as engine values of the writer schema's SQL type. */
  public static Object decode(byte[] bytes, RegistryClient registry) {
    Schema writer = registry.schemaById(WireFormat.schemaId("", bytes));
    try {
      Object datum = new GenericDatumReader<>(writer, writer, GenericData.get()).read(null,
          DecoderFactory.get().binaryDecoder(bytes, WireFormat.HEADER_SIZE, bytes.length - WireFormat.HEADER_SIZE, null));
      return AvroValues.fromAvro(datum, writer, AvroSchemas.toSqlType(writer));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
