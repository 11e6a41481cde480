package io.rtdp.ksql.engine.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rtdp.avro.client.InMemoryRegistryClient;
import io.rtdp.avro.client.SchemaText;
import io.rtdp.avro.serde.WireFormat;
import io.rtdp.ksql.engine.schema.Column;
import io.rtdp.ksql.engine.schema.SqlType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

class JsonSrFormatTest {
  private static final List<Column> COLUMNS = List.of(
      new Column("ID", SqlType.BIGINT, Column.Namespace.VALUE),
      new Column("PRICE", SqlType.decimal(4, 2), Column.Namespace.VALUE),
      new Column("TAGS", SqlType.array(SqlType.STRING), Column.Namespace.VALUE));

  private final InMemoryRegistryClient registry = new InMemoryRegistryClient();
  private final Format jsonSr = Formats.of("JSON_SR");
  private final FormatOptions options = new FormatOptions(null, ',',
      new RegistryOptions(registry, null, AvroSchemas.DEFAULT_VALUE_NAME));

  @Test
  void writesJsonBehindTheHeaderOfTheRegisteredJsonSchemaAndReadsItBack() {
    Serde<List<Object>> serde = jsonSr.serde(COLUMNS, false, options);
    List<Object> row = Arrays.asList(1L, new BigDecimal("9.50"), Arrays.asList("a", null));

    byte[] bytes = serde.serializer().serialize("prices", row);

    SchemaText registered = registry.latestText("prices-value");
    assertThat(registered.schemaType()).isEqualTo("JSON");
    assertThat(WireFormat.schemaId("prices", bytes)).isEqualTo(registered.id());
    assertThat(new String(bytes, 5, bytes.length - 5, StandardCharsets.UTF_8))
        .isEqualTo("{\"ID\":1,\"PRICE\":9.50,\"TAGS\":[\"a\",null]}");
    assertThat(serde.deserializer().deserialize("prices", bytes)).isEqualTo(row);
  }

  @Test
  void plainJsonWithoutTheHeaderIsRejected() {
    Serde<List<Object>> serde = jsonSr.serde(COLUMNS, false, options);

    assertThatThrownBy(() -> serde.deserializer().deserialize("prices", "{\"ID\":1}".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("must start with the schema registry header");
  }

  @Test
  void theGeneratedSchemaInfersTheColumnsBack() {
    jsonSr.registerSchema("prices", COLUMNS, false, options, false);

    SqlType inferred = jsonSr.sqlTypeOf(registry.latestText("prices-value"));

    assertThat(inferred).hasToString("STRUCT<`ID` BIGINT, `PRICE` DECIMAL(4, 2), `TAGS` ARRAY<STRING>>");
  }

  @Test
  void infersConnectsJsonSchemaDialect() {
    assertThat(sql("{\"type\":\"integer\"}")).isEqualTo(SqlType.BIGINT);
    assertThat(sql("{\"type\":\"integer\",\"connect.type\":\"int32\"}")).isEqualTo(SqlType.INTEGER);
    assertThat(sql("{\"oneOf\":[{\"type\":\"null\"},{\"type\":\"string\",\"connect.type\":\"bytes\"}]}"))
        .isEqualTo(SqlType.BYTES);
    assertThat(sql("{\"type\":\"integer\",\"title\":\"org.apache.kafka.connect.data.Timestamp\"}"))
        .isEqualTo(SqlType.TIMESTAMP);
    assertThat(sql("{\"type\":\"object\",\"additionalProperties\":{\"type\":\"number\"}}"))
        .isEqualTo(SqlType.map(SqlType.STRING, SqlType.DOUBLE));
    assertThat(sql("{\"type\":\"object\",\"properties\":{\"a\":{\"type\":[\"null\",\"boolean\"]}}}"))
        .hasToString("STRUCT<`A` BOOLEAN>");
  }

  private SqlType sql(String schema) {
    return jsonSr.sqlTypeOf(new SchemaText(1, 1, "JSON", schema));
  }
}
