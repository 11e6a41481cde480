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
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * AVRO: Avro binary in the schema registry wire format (magic byte, schema id, datum). Written with
 * the registered schema the source names by id, else with the schema generated from the columns,
 * registered under {@code <topic>-key}/{@code <topic>-value}; read with the writer's schema from the
 * registry and coerced into the columns' types.
 */
final class AvroFormat implements Format {
  @Override
  public String name() {
    return "AVRO";
  }

  @Override
  public void validate(List<Column> columns, boolean isKey, FormatOptions options) {
    if (!columns.isEmpty()) {
      AvroSchemas.generate(columns, options.unwrapped(columns.size(), isKey), isKey, fullName(options, isKey));
    }
  }

  @Override
  public Serde<List<Object>> serde(List<Column> columns, boolean isKey, FormatOptions options) {
    if (options.registry() == null) {
      throw new IllegalStateException("AVRO serde without registry options");
    }
    if (columns.isEmpty()) {
      return Serdes.serdeFrom((topic, v) -> null, (topic, bytes) -> new ArrayList<>());
    }
    Writer writer = new Writer(columns, isKey, options);
    Reader reader = new Reader(columns, isKey, options);
    return Serdes.serdeFrom(writer::write, reader::read);
  }

  @Override
  public void registerSchema(String topic, List<Column> columns, boolean isKey, FormatOptions options,
      boolean onlyIfSubjectMissing) {
    if (!columns.isEmpty()) {
      Schema schema = AvroSchemas.generate(columns, options.unwrapped(columns.size(), isKey), isKey,
          fullName(options, isKey));
      RegistrySubjects.ensureRegistered(options.registry(), topic, isKey, "AVRO", schema.toString(),
          onlyIfSubjectMissing);
    }
  }

  @Override
  public SqlType sqlTypeOf(SchemaText schema) {
    if (!schema.schemaType().equals("AVRO")) {
      throw new KsqlException("schema id " + schema.id() + " is a " + schema.schemaType() + " schema, not an Avro one");
    }
    return AvroSchemas.toSqlType(new Schema.Parser().parse(schema.schema()));
  }

  private static String fullName(FormatOptions options, boolean isKey) {
    RegistryOptions r = options.registry();
    if (r != null && r.fullSchemaName() != null) {
      return r.fullSchemaName();
    }
    // Options without a registry: validation of columns only (no schema is written with this name).
    return isKey ? AvroSchemas.NAMESPACE + ".Key" : AvroSchemas.DEFAULT_VALUE_NAME;
  }

  /** Writes rows with one schema; the id of a generated schema is registered once per topic. */
  private static final class Writer {
    private final List<String> names;
    private final boolean isKey;
    private final boolean unwrapped;
    private final RegistryClient registry;
    private final Integer schemaId;
    private final Schema schema;
    private final GenericDatumWriter<Object> datumWriter;
    private final Map<String, Integer> idByTopic = new ConcurrentHashMap<>();

    Writer(List<Column> columns, boolean isKey, FormatOptions options) {
      this.names = columns.stream().map(Column::name).toList();
      this.isKey = isKey;
      this.unwrapped = options.unwrapped(columns.size(), isKey);
      this.registry = options.registry().client();
      this.schemaId = options.registry().schemaId();
      this.schema = schemaId != null ? registry.schemaById(schemaId)
          : AvroSchemas.generate(columns, unwrapped, isKey, fullName(options, isKey));
      this.datumWriter = new GenericDatumWriter<>(schema, GenericData.get());
    }

    byte[] write(String topic, List<Object> values) {
      if (Format.writesNothing(values, isKey) || (unwrapped && values.get(0) == null)) {
        return null;
      }
      Object datum = unwrapped ? AvroValues.toAvro(values.get(0), schema, names.get(0))
          : AvroValues.record(names, values::get, schema, "");
      int id = schemaId != null ? schemaId : idByTopic.computeIfAbsent(topic, this::register);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      out.writeBytes(WireFormat.header(id));
      try {
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
        datumWriter.write(datum, encoder);
        encoder.flush();
      } catch (IOException | RuntimeException e) {
        throw new SerializationException("Cannot write Avro with schema id " + id + " to topic " + topic + ": "
            + e.getMessage(), e);
      }
      return out.toByteArray();
    }

    private int register(String topic) {
      try {
        return registry.register(RegistrySubjects.of(topic, isKey), schema);
      } catch (RegistryClientException e) {
        throw new SerializationException("Cannot register the Avro schema of topic " + topic + " under subject "
            + RegistrySubjects.of(topic, isKey) + " in the schema registry at " + registry.urls() + ": " + e.getMessage(), e);
      }
    }
  }

  /** Reads rows written with any schema whose fields match the columns by name. */
  private static final class Reader {
    private final List<Column> columns;
    private final boolean isKey;
    private final boolean unwrapped;
    private final RegistryClient registry;
    /** Readers by writer schema id: ids never change meaning, and building a reader per record is costly. */
    private final Map<Integer, GenericDatumReader<Object>> readers = new ConcurrentHashMap<>();

    Reader(List<Column> columns, boolean isKey, FormatOptions options) {
      this.columns = columns;
      this.isKey = isKey;
      this.unwrapped = options.unwrapped(columns.size(), isKey);
      this.registry = options.registry().client();
    }

    List<Object> read(String topic, byte[] bytes) {
      if (bytes == null) {
        if (!isKey) {
          return null;
        }
        List<Object> nulls = new ArrayList<>();
        columns.forEach(c -> nulls.add(null));
        return nulls;
      }
      int id = WireFormat.schemaId(topic, bytes);
      Schema writer = writerSchema(topic, id);
      Object datum;
      try {
        datum = readers.computeIfAbsent(id, i -> new GenericDatumReader<>(writer, writer, GenericData.get())).read(null,
            DecoderFactory.get().binaryDecoder(bytes, WireFormat.HEADER_SIZE, bytes.length - WireFormat.HEADER_SIZE,
                null));
      } catch (IOException | RuntimeException e) {
        throw new SerializationException("Cannot read Avro on topic " + topic + " with schema id " + id
            + ": the bytes do not match that schema (" + e + ")", e);
      }
      List<Object> out = new ArrayList<>(columns.size());
      if (unwrapped) {
        out.add(AvroValues.fromAvro(datum, writer, columns.get(0).type()));
        return out;
      }
      Schema recordSchema = writer.getType() == Schema.Type.UNION
          ? writer.getTypes().get(GenericData.get().resolveUnion(writer, datum)) : writer;
      if (datum == null) {
        return isKey ? nullsFor() : null;
      }
      if (!(datum instanceof GenericRecord record)) {
        throw new SerializationException("Expected an Avro record on topic " + topic + " (schema id " + id
            + ") but got " + recordSchema.getType() + ": the columns are wrapped in a record; declare the source "
            + "with WRAP_SINGLE_VALUE=false to read a bare value");
      }
      for (Column c : columns) {
        Schema.Field f = AvroValues.field(recordSchema, c.name());
        out.add(f == null ? null : AvroValues.fromAvro(record.get(f.pos()), f.schema(), c.type()));
      }
      return out;
    }

    private List<Object> nullsFor() {
      List<Object> nulls = new ArrayList<>();
      columns.forEach(c -> nulls.add(null));
      return nulls;
    }

    private Schema writerSchema(String topic, int id) {
      try {
        return registry.schemaById(id);
      } catch (RegistryClientException e) {
        throw new SerializationException("Cannot read Avro on topic " + topic + ": schema id " + id + " is unknown "
            + "to the schema registry at " + registry.urls() + " (" + e.getMessage() + "). The record was written "
            + "against another registry, or its schema was deleted", e);
      }
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
