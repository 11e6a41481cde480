package io.rtdp.ksql.engine.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.rtdp.ksql.engine.expression.Temporals;
import io.rtdp.ksql.engine.schema.KsqlStruct;
import io.rtdp.ksql.engine.schema.SqlType;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Engine values rendered as ksqlDB's REST API writes them in rows (SPEC §4.4). */
class RestValuesTest {
  private final ObjectMapper mapper = new ObjectMapper();

  private String json(Object value, SqlType type) throws Exception {
    return mapper.writeValueAsString(RestValues.toJson(value, type));
  }

  @Test
  void scalarsAndTemporalsRenderAsKsqlDbDoes() throws Exception {
    assertThat(json(null, SqlType.STRING)).isEqualTo("null");
    assertThat(json(true, SqlType.BOOLEAN)).isEqualTo("true");
    assertThat(json(7, SqlType.INTEGER)).isEqualTo("7");
    assertThat(json(7L, SqlType.BIGINT)).isEqualTo("7");
    assertThat(json(11.0, SqlType.DOUBLE)).isEqualTo("11.0");
    assertThat(json(new BigDecimal("10.50"), SqlType.decimal(4, 2))).isEqualTo("10.50");
    assertThat(json(new BigDecimal("1E+2"), SqlType.decimal(3, 0))).isEqualTo("100");
    assertThat(json(new BigDecimal("0.00000001"), SqlType.decimal(9, 8))).isEqualTo("0.00000001");
    assertThat(json("x", SqlType.STRING)).isEqualTo("\"x\"");
    assertThat(json(ByteBuffer.wrap(new byte[] {1, 2, 3}), SqlType.BYTES)).isEqualTo("\"AQID\"");
    assertThat(json(new Timestamp(0), SqlType.TIMESTAMP)).isEqualTo("\"1970-01-01T00:00:00.000\"");
    assertThat(json(Temporals.date(0), SqlType.DATE)).isEqualTo("\"1970-01-01\"");
    assertThat(json(new Time(0), SqlType.TIME)).isEqualTo("\"00:00\"");
    assertThat(json(new Time(48_301_000), SqlType.TIME)).isEqualTo("\"13:25:01\"");
  }

  @Test
  void collectionsAndStructsRenderElementByElement() throws Exception {
    SqlType.Struct struct = new SqlType.Struct(List.of(new SqlType.Field("F1", SqlType.STRING),
        new SqlType.Field("f2", SqlType.decimal(3, 1))));
    assertThat(json(new KsqlStruct(struct, new Object[] {"a", new BigDecimal("1.0")}), struct))
        .isEqualTo("{\"F1\":\"a\",\"f2\":1.0}");
    assertThat(json(Arrays.asList(1, null), SqlType.array(SqlType.INTEGER))).isEqualTo("[1,null]");
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("k", new Timestamp(1));
    assertThat(json(map, SqlType.map(SqlType.STRING, SqlType.TIMESTAMP))).isEqualTo("{\"k\":\"1970-01-01T00:00:00.001\"}");
  }

  @Test
  void rowsRenderEveryColumnByItsType() throws Exception {
    List<ResultColumn> columns = List.of(new ResultColumn("ID", SqlType.STRING, true),
        new ResultColumn("D", SqlType.DATE, false));
    assertThat(mapper.writeValueAsString(RestValues.row(new ResultRow(Arrays.asList("a", Temporals.date(1)), false),
        columns))).isEqualTo("[\"a\",\"1970-01-02\"]");
    assertThat(ResultColumns.schema(columns)).isEqualTo("`ID` STRING KEY, `D` DATE");
  }
}
