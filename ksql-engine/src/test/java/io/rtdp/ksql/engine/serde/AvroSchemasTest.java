package io.rtdp.ksql.engine.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rtdp.ksql.engine.KsqlException;
import io.rtdp.ksql.engine.schema.SqlType;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class AvroSchemasTest {
  private static SqlType sql(String avro) {
    return AvroSchemas.toSqlType(new Schema.Parser().parse(avro));
  }

  @Test
  void infersSqlTypesAsKsqlDbDoes() {
    assertThat(sql("\"boolean\"")).isEqualTo(SqlType.BOOLEAN);
    assertThat(sql("\"int\"")).isEqualTo(SqlType.INTEGER);
    assertThat(sql("\"long\"")).isEqualTo(SqlType.BIGINT);
    assertThat(sql("\"float\"")).isEqualTo(SqlType.DOUBLE);
    assertThat(sql("\"double\"")).isEqualTo(SqlType.DOUBLE);
    assertThat(sql("\"string\"")).isEqualTo(SqlType.STRING);
    assertThat(sql("\"bytes\"")).isEqualTo(SqlType.BYTES);
    assertThat(sql("{\"type\":\"fixed\",\"name\":\"md5\",\"size\":16}")).isEqualTo(SqlType.BYTES);
    assertThat(sql("{\"type\":\"enum\",\"name\":\"E\",\"symbols\":[\"A\"]}")).isEqualTo(SqlType.STRING);
    assertThat(sql("{\"type\":\"int\",\"logicalType\":\"date\"}")).isEqualTo(SqlType.DATE);
    assertThat(sql("{\"type\":\"int\",\"logicalType\":\"time-millis\"}")).isEqualTo(SqlType.TIME);
    assertThat(sql("{\"type\":\"long\",\"logicalType\":\"timestamp-millis\"}")).isEqualTo(SqlType.TIMESTAMP);
    assertThat(sql("{\"type\":\"bytes\",\"logicalType\":\"decimal\",\"precision\":4,\"scale\":2}"))
        .isEqualTo(SqlType.decimal(4, 2));
    // Without a precision Avro drops the logical type; Connect's converter assumes 64.
    assertThat(sql("{\"type\":\"bytes\",\"logicalType\":\"decimal\",\"scale\":2}")).isEqualTo(SqlType.decimal(64, 2));
    assertThat(sql("[\"null\",{\"type\":\"array\",\"items\":[\"null\",\"long\"]}]"))
        .isEqualTo(SqlType.array(SqlType.BIGINT));
    assertThat(sql("{\"type\":\"map\",\"values\":\"int\"}")).isEqualTo(SqlType.map(SqlType.STRING, SqlType.INTEGER));
    assertThat(sql("{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"f1\",\"type\":\"int\"}]}"))
        .hasToString("STRUCT<`F1` INTEGER>");
  }

  @Test
  void unionsOfSeveralTypesHaveNoSqlType() {
    assertThatThrownBy(() -> sql("[\"null\",\"int\",\"string\"]")).isInstanceOf(KsqlException.class)
        .hasMessageStartingWith("Unsupported Avro union");
  }

  @Test
  void keyRecordsAreNamedAfterTheSourceInCamelCase() {
    assertThat(AvroSchemas.defaultKeyName("OUTPUT")).isEqualTo("io.confluent.ksql.avro_schemas.OutputKey");
    assertThat(AvroSchemas.defaultKeyName("LEFT_TABLE")).isEqualTo("io.confluent.ksql.avro_schemas.LeftTableKey");
    assertThat(AvroSchemas.defaultKeyName("S1")).isEqualTo("io.confluent.ksql.avro_schemas.S1Key");
  }
}
