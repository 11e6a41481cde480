package io.rtdp.ksql.engine.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rtdp.ksql.engine.KsqlException;
import io.rtdp.ksql.engine.UnsupportedFeatureException;
import io.rtdp.ksql.engine.schema.Column;
import io.rtdp.ksql.engine.schema.SqlType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

class FormatsTest {
  private static final List<Column> VALUES = List.of(
      new Column("ID", SqlType.BIGINT, Column.Namespace.VALUE),
      new Column("NAME", SqlType.STRING, Column.Namespace.VALUE),
      new Column("PRICE", SqlType.decimal(4, 2), Column.Namespace.VALUE));

  private static String write(Serde<List<Object>> serde, Object... values) {
    return new String(serde.serializer().serialize("t", Arrays.asList(values)), StandardCharsets.UTF_8);
  }

  private static List<Object> read(Serde<List<Object>> serde, String text) {
    return serde.deserializer().deserialize("t", text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void delimitedQuotesOnlyWhenNeededAndReadsEmptyFieldsAsNull() {
    Serde<List<Object>> serde = Formats.of("DELIMITED").serde(VALUES, false, FormatOptions.DEFAULT);
    assertThat(write(serde, 1L, "a,b", new BigDecimal("1.50"))).isEqualTo("1,\"a,b\",1.50");
    assertThat(write(serde, 2L, "say \"hi\"", null)).isEqualTo("2,\"say \"\"hi\"\"\",");
    assertThat(read(serde, "3,,0.5")).containsExactly(3L, null, new BigDecimal("0.50"));
    assertThat(read(serde, "4,\"x,y\",1")).containsExactly(4L, "x,y", new BigDecimal("1.00"));
  }

  @Test
  void jsonMatchesFieldNamesCaseInsensitivelyAndCoercesLeniently() {
    Serde<List<Object>> serde = Formats.of("json").serde(VALUES, false, FormatOptions.DEFAULT);
    assertThat(read(serde, "{\"id\": \"49\", \"Name\": 7, \"price\": 1.5}"))
        .containsExactly(49L, "7", new BigDecimal("1.50"));
    assertThat(write(serde, 1L, null, new BigDecimal("2.00"))).isEqualTo("{\"ID\":1,\"NAME\":null,\"PRICE\":2.00}");
    List<Column> single = List.of(new Column("V", SqlType.INTEGER, Column.Namespace.VALUE));
    Serde<List<Object>> unwrapped = Formats.of("JSON").serde(single, false, new FormatOptions(false, ','));
    assertThat(write(unwrapped, 5)).isEqualTo("5");
  }

  @Test
  void kafkaFormatUsesKafkasBinaryEncodingAndRejectsOtherTypes() {
    List<Column> key = List.of(new Column("K", SqlType.INTEGER, Column.Namespace.KEY));
    Serde<List<Object>> serde = Formats.of("KAFKA").serde(key, true, FormatOptions.DEFAULT);
    assertThat(serde.serializer().serialize("t", List.of(258))).containsExactly(0, 0, 1, 2);
    assertThatThrownBy(() -> Formats.of("KAFKA").validate(
        List.of(new Column("B", SqlType.BOOLEAN, Column.Namespace.VALUE)), false, FormatOptions.DEFAULT))
        .hasMessage("The 'KAFKA' format does not support type 'BOOLEAN'");
  }

  @Test
  void aNullSingleColumnKeyIsANullKeyInEveryFormatButMultiColumnKeysStayRecords() {
    List<Column> one = List.of(new Column("K", SqlType.INTEGER, Column.Namespace.KEY));
    List<Column> two = List.of(new Column("A", SqlType.INTEGER, Column.Namespace.KEY),
        new Column("B", SqlType.INTEGER, Column.Namespace.KEY));
    for (String format : List.of("JSON", "DELIMITED", "KAFKA")) {
      assertThat(Formats.of(format).serde(one, true, FormatOptions.DEFAULT).serializer()
          .serialize("t", Arrays.asList((Object) null))).as(format).isNull();
    }
    assertThat(Formats.of("JSON").serde(two, true, FormatOptions.DEFAULT).serializer()
        .serialize("t", Arrays.asList(null, null))).asString().isEqualTo("{\"A\":null,\"B\":null}");
  }

  @Test
  void keyColumnsAKeyFormatCannotCarryAreReportedWithTheSchemaAndReason() {
    List<Column> key = List.of(new Column("K", SqlType.array(SqlType.DOUBLE), Column.Namespace.KEY));

    assertThatThrownBy(() -> Formats.of("DELIMITED").validate(key, true, FormatOptions.DEFAULT))
        .hasMessage("Key format does not support schema.\nformat: DELIMITED\nschema: Persistence{columns=[`K` "
            + "ARRAY<DOUBLE> KEY], features=[]}\nreason: The 'DELIMITED' format does not support type 'ARRAY', "
            + "column: `K`");
    assertThatThrownBy(() -> Formats.of("DELIMITED").validate(List.of(new Column("V", SqlType.array(SqlType.DOUBLE),
        Column.Namespace.VALUE)), false, FormatOptions.DEFAULT))
        .hasMessage("The 'DELIMITED' format does not support type 'ARRAY'");
  }

  @Test
  void unknownFormatsAreRejectedAndSchemaRegistryOnesReportedAsNotYetSupported() {
    assertThatThrownBy(() -> Formats.of("FOO")).isInstanceOf(KsqlException.class).hasMessage("Unknown format: FOO");
    assertThatThrownBy(() -> Formats.of("PROTOBUF")).isInstanceOf(UnsupportedFeatureException.class);
    assertThat(Formats.of("avro").name()).isEqualTo("AVRO");
  }
}
