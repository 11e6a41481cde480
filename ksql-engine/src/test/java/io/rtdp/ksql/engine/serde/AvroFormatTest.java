package io.rtdp.ksql.engine.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rtdp.avro.client.InMemoryRegistryClient;
import io.rtdp.avro.serde.WireFormat;
import io.rtdp.ksql.engine.KsqlException;
import io.rtdp.ksql.engine.expression.Temporals;
import io.rtdp.ksql.engine.schema.Column;
import io.rtdp.ksql.engine.schema.KsqlStruct;
import io.rtdp.ksql.engine.schema.SqlType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import org.junit.jupiter.api.Test;

class AvroFormatTest {
  private static final SqlType.Struct ADDRESS = new SqlType.Struct(List.of(
      new SqlType.Field("STREET", SqlType.STRING), new SqlType.Field("NUMBER", SqlType.INTEGER)));
  private static final List<Column> EVERY_TYPE = List.of(
      value("B", SqlType.BOOLEAN), value("I", SqlType.INTEGER), value("L", SqlType.BIGINT),
      value("D", SqlType.DOUBLE), value("S", SqlType.STRING), value("BY", SqlType.BYTES),
      value("DEC", SqlType.decimal(6, 2)), value("DT", SqlType.DATE), value("TM", SqlType.TIME),
      value("TS", SqlType.TIMESTAMP), value("ARR", SqlType.array(SqlType.STRING)),
      value("M", SqlType.map(SqlType.STRING, SqlType.BIGINT)), value("ADDR", ADDRESS));

  private final InMemoryRegistryClient registry = new InMemoryRegistryClient();
  private final Format avro = Formats.of("AVRO");

  private static Column value(String name, SqlType type) {
    return new Column(name, type, Column.Namespace.VALUE);
  }

  private FormatOptions options(Boolean wrap, Integer schemaId, String fullName) {
    return new FormatOptions(wrap, ',', new RegistryOptions(registry, schemaId, fullName));
  }

  private FormatOptions valueOptions() {
    return options(null, null, AvroSchemas.DEFAULT_VALUE_NAME);
  }

  @Test
  void everyTypeRoundTripsAndNullsStayNull() {
    Serde<List<Object>> serde = avro.serde(EVERY_TYPE, false, valueOptions());
    Map<Object, Object> map = new LinkedHashMap<>();
    map.put("a", 1L);
    map.put("b", null);
    List<Object> row = Arrays.asList(true, 7, 1L << 40, 2.5, "text", ByteBuffer.wrap(new byte[] {1, 2, 3}),
        new BigDecimal("1234.56"), Temporals.date(19000), new Time(45_296_789L), new Timestamp(1_700_000_000_123L),
        Arrays.asList("x", null), map, new KsqlStruct(ADDRESS, new Object[] {"Main St", 5}));

    assertThat(serde.deserializer().deserialize("t", serde.serializer().serialize("t", row))).isEqualTo(row);
    List<Object> nulls = Arrays.asList(new Object[EVERY_TYPE.size()]);
    assertThat(serde.deserializer().deserialize("t", serde.serializer().serialize("t", nulls))).isEqualTo(nulls);
    assertThat(serde.serializer().serialize("t", null)).isNull();
    assertThat(serde.deserializer().deserialize("t", null)).isNull();
  }

  @Test
  void writesTheConfluentWireFormatWithTheSchemaRegisteredUnderTheTopicsSubject() {
    byte[] bytes = avro.serde(EVERY_TYPE, false, valueOptions()).serializer().serialize("orders",
        Arrays.asList(new Object[EVERY_TYPE.size()]));

    assertThat(bytes[0]).isZero();
    int id = WireFormat.schemaId("orders", bytes);
    assertThat(registry.latest("orders-value").id()).isEqualTo(id);
    Schema schema = registry.schemaById(id);
    assertThat(schema.getFullName()).isEqualTo("io.confluent.ksql.avro_schemas.KsqlDataSourceSchema");
    assertThat(schema.getField("DEC").schema().toString())
        .isEqualTo("[\"null\",{\"type\":\"bytes\",\"logicalType\":\"decimal\",\"precision\":6,\"scale\":2}]");
    assertThat(schema.getField("DT").schema().getTypes().get(1).getLogicalType().getName()).isEqualTo("date");
    assertThat(schema.getField("TM").schema().getTypes().get(1).getLogicalType().getName()).isEqualTo("time-millis");
    assertThat(schema.getField("TS").schema().getTypes().get(1).getLogicalType().getName())
        .isEqualTo("timestamp-millis");
    assertThat(schema.getField("ADDR").schema().getTypes().get(1).getFullName())
        .isEqualTo("io.confluent.ksql.avro_schemas.KsqlDataSourceSchema_ADDR");
    assertThat(schema.getFields()).allSatisfy(f -> {
      assertThat(f.schema().getTypes().get(0).getType()).isEqualTo(Schema.Type.NULL);
      assertThat(f.defaultVal()).isEqualTo(org.apache.avro.JsonProperties.NULL_VALUE);
    });
  }

  @Test
  void aSingleKeyColumnIsTheBareNonNullSchemaAndMultiColumnKeysAreARecord() {
    List<Column> one = List.of(new Column("K", SqlType.decimal(4, 2), Column.Namespace.KEY));
    Serde<List<Object>> key = avro.serde(one, true, options(null, null, AvroSchemas.defaultKeyName("OUTPUT")));
    byte[] bytes = key.serializer().serialize("t", List.of(new BigDecimal("65.21")));
    assertThat(registry.latest("t-key").schema().toString())
        .isEqualTo("{\"type\":\"bytes\",\"logicalType\":\"decimal\",\"precision\":4,\"scale\":2}");
    assertThat(key.deserializer().deserialize("t", bytes)).containsExactly(new BigDecimal("65.21"));

    List<Column> two = List.of(new Column("A", SqlType.INTEGER, Column.Namespace.KEY),
        new Column("B", SqlType.STRING, Column.Namespace.KEY));
    Serde<List<Object>> keys = avro.serde(two, true, options(null, null, AvroSchemas.defaultKeyName("LEFT_TABLE")));
    bytes = keys.serializer().serialize("u", List.of(1, "x"));
    assertThat(registry.latest("u-key").schema().getFullName()).isEqualTo("io.confluent.ksql.avro_schemas.LeftTableKey");
    assertThat(keys.deserializer().deserialize("u", bytes)).containsExactly(1, "x");
    assertThat(keys.deserializer().deserialize("u", null)).containsExactly(null, null);
  }

  @Test
  void anUnwrappedValueIsAnOptionalBareValue() {
    Serde<List<Object>> serde = avro.serde(List.of(value("V", SqlType.BIGINT)), false,
        options(false, null, AvroSchemas.DEFAULT_VALUE_NAME));
    byte[] bytes = serde.serializer().serialize("t", List.of(5L));

    assertThat(registry.latest("t-value").schema().toString()).isEqualTo("[\"null\",\"long\"]");
    assertThat(serde.deserializer().deserialize("t", bytes)).containsExactly(5L);
  }

  @Test
  void aRegisteredSchemaGivenByIdIsWrittenWithItsEnumsNonNullFieldsAndDefaults() throws IOException {
    Schema registered = new Schema.Parser().parse("{\"type\":\"record\",\"name\":\"Order\",\"namespace\":\"shop\","
        + "\"fields\":[{\"name\":\"suit\",\"type\":{\"type\":\"enum\",\"name\":\"Suit\",\"symbols\":[\"HEARTS\",\"CLUBS\"]}},"
        + "{\"name\":\"qty\",\"type\":\"int\",\"default\":0},"
        + "{\"name\":\"note\",\"type\":\"string\",\"default\":\"none\"}]}");
    registry.register("orders-value", registered, 42);
    List<Column> columns = List.of(value("SUIT", SqlType.STRING), value("QTY", SqlType.INTEGER));
    Serde<List<Object>> serde = avro.serde(columns, false, options(null, 42, AvroSchemas.DEFAULT_VALUE_NAME));

    byte[] bytes = serde.serializer().serialize("orders", Arrays.asList("CLUBS", null));

    assertThat(WireFormat.schemaId("orders", bytes)).isEqualTo(42);
    GenericRecord written = (GenericRecord) new GenericDatumReader<>(registered).read(null,
        DecoderFactory.get().binaryDecoder(bytes, 5, bytes.length - 5, null));
    assertThat(written.get("suit").toString()).isEqualTo("CLUBS");
    assertThat(written.get("qty")).isEqualTo(0);
    assertThat(written.get("note").toString()).isEqualTo("none");
    assertThat(serde.deserializer().deserialize("orders", bytes)).containsExactly("CLUBS", 0);
  }

  @Test
  void readsAnotherProducersSchemaCoercingIntoTheColumnTypesAndMatchingNamesIgnoringCase() throws IOException {
    Schema producer = new Schema.Parser().parse("{\"type\":\"record\",\"name\":\"X\",\"fields\":["
        + "{\"name\":\"count\",\"type\":\"int\"},{\"name\":\"ratio\",\"type\":\"float\"}]}");
    int id = registry.register("in-value", producer);
    GenericData.Record record = new GenericData.Record(producer);
    record.put("count", 10);
    record.put("ratio", 0.5f);
    List<Column> columns = List.of(value("COUNT", SqlType.STRING), value("RATIO", SqlType.DOUBLE),
        value("MISSING", SqlType.INTEGER));

    List<Object> row = avro.serde(columns, false, valueOptions()).deserializer().deserialize("in",
        frame(id, producer, record));

    assertThat(row).containsExactly("10", 0.5, null);
  }

  @Test
  void anUnknownSchemaIdIsASerializationErrorThatNamesTheId() {
    byte[] bytes = {0, 0, 0, 0, 99, 2};
    Serde<List<Object>> serde = avro.serde(EVERY_TYPE, false, valueOptions());

    assertThatThrownBy(() -> serde.deserializer().deserialize("in", bytes))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("schema id 99 is unknown to the schema registry at in-memory");
    assertThatThrownBy(() -> serde.deserializer().deserialize("in", new byte[] {'{', '}', 1, 2, 3}))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("Unknown magic byte");
  }

  @Test
  void rejectsWhatAvroCannotCarryWithKsqlDbsMessages() {
    assertThatThrownBy(() -> avro.validate(List.of(value("M", SqlType.map(SqlType.INTEGER, SqlType.DOUBLE))), false,
        valueOptions()))
        .isInstanceOf(KsqlException.class)
        .hasMessage("Avro only supports MAPs with STRING keys");
    assertThatThrownBy(() -> avro.validate(List.of(value("1Bad", SqlType.DOUBLE)), false, valueOptions()))
        .isInstanceOf(KsqlException.class)
        .hasMessage("Schema is not compatible with Avro: Illegal initial character: 1Bad");
  }

  private static byte[] frame(int id, Schema schema, Object datum) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(WireFormat.header(id));
    BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
    new GenericDatumWriter<>(schema).write(datum, encoder);
    encoder.flush();
    return out.toByteArray();
  }
}
