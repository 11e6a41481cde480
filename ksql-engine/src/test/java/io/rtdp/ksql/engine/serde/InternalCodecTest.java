package io.rtdp.ksql.engine.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rtdp.ksql.engine.schema.KsqlStruct;
import io.rtdp.ksql.engine.schema.SqlType;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InternalCodecTest {
  private final InternalCodec codec = new InternalCodec();

  @Test
  void everyTypeComesBackEqual() {
    SqlType.Struct schema = new SqlType.Struct(List.of(new SqlType.Field("A", SqlType.STRING), new SqlType.Field("B", SqlType.INTEGER)));
    Map<Object, Object> map = new LinkedHashMap<>();
    map.put("k1", 1L);
    map.put("k2", null);
    List<Object> value = new ArrayList<>(Arrays.asList(null, true, false, 42, -7L, 2.5, -0.0, Double.NaN, "", "grüße 🌡",
        new BigDecimal("-12.340"), ByteBuffer.wrap(new byte[] {1, 2, 3}), new java.sql.Date(86_400_000L),
        new java.sql.Time(3_600_000L), new java.sql.Timestamp(1_700_000_000_123L), List.of("x", List.of()), map,
        new KsqlStruct(schema, new Object[] {"s", 9})));

    Object decoded = codec.decode(codec.encode(value));

    assertThat(decoded).isEqualTo(value);
    assertThat(codec.decode(codec.encode(new Object[] {"row", 1}))).isEqualTo(new Object[] {"row", 1});
  }

  /** Records already in changelog and repartition topics were written with DataOutputStream: same bytes. */
  @Test
  void writesTheLayoutOfDataOutputStream() throws IOException {
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(expected)) {
      out.writeByte(12); // LIST
      out.writeInt(4);
      out.writeByte(3); // INT
      out.writeInt(-5);
      out.writeByte(4); // LONG
      out.writeLong(1L << 40);
      out.writeByte(5); // DOUBLE
      out.writeDouble(-1.25);
      out.writeByte(6); // STRING
      byte[] s = "héllo".getBytes(StandardCharsets.UTF_8);
      out.writeInt(s.length);
      out.write(s);
    }

    assertThat(codec.encode(List.of(-5, 1L << 40, -1.25, "héllo"))).isEqualTo(expected.toByteArray());
  }

  @Test
  void aLongValueGrowsTheBuffer() {
    String big = "x".repeat(100_000);

    assertThat(codec.decode(codec.encode(List.of(big, big)))).isEqualTo(List.of(big, big));
  }

  @Test
  void aTruncatedRecordIsRefusedWithItsCause() {
    byte[] bytes = codec.encode(List.of("abcdef"));

    assertThatThrownBy(() -> codec.decode(Arrays.copyOf(bytes, bytes.length - 2)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Corrupt internal record");
  }
}
