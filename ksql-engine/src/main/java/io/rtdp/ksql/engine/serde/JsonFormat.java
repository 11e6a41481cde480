package io.rtdp.ksql.engine.serde;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rtdp.ksql.engine.KsqlException;
import io.rtdp.ksql.engine.schema.Column;
import io.rtdp.ksql.engine.schema.SqlBaseType;
import io.rtdp.ksql.engine.schema.SqlType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/** JSON: objects keyed by column name, or the bare value for unwrapped single columns. */
final class JsonFormat implements Format {
  static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
      .build();

  @Override
  public String name() {
    return "JSON";
  }

  @Override
  public void validate(List<Column> columns, boolean isKey, FormatOptions options) {
    for (Column c : columns) {
      checkMapKeys(c.type());
    }
  }

  private static void checkMapKeys(SqlType t) {
    if (t instanceof SqlType.MapType m) {
      if (m.key().base() != SqlBaseType.STRING) {
        throw new KsqlException("JSON only supports MAP types with STRING keys");
      }
      checkMapKeys(m.value());
    } else if (t instanceof SqlType.Array a) {
      checkMapKeys(a.element());
    } else if (t instanceof SqlType.Struct s) {
      s.fields().forEach(f -> checkMapKeys(f.type()));
    }
  }

  @Override
  public Serde<List<Object>> serde(List<Column> columns, boolean isKey, FormatOptions options) {
    boolean unwrapped = options.unwrapped(columns.size(), isKey);
    return Serdes.serdeFrom(
        (topic, values) -> Format.writesNothing(values, isKey) ? null : write(columns, values, unwrapped),
        (topic, bytes) -> read(columns, bytes, unwrapped, isKey));
  }

  static byte[] write(List<Column> columns, List<Object> values, boolean unwrapped) {
    try {
      if (unwrapped) {
        return MAPPER.writeValueAsBytes(JsonValues.toJson(values.get(0)));
      }
      ObjectNode node = JsonValues.object();
      for (int i = 0; i < columns.size(); i++) {
        node.set(columns.get(i).name(), JsonValues.toJson(values.get(i)));
      }
      return MAPPER.writeValueAsBytes(node);
    } catch (IOException e) {
      throw new SerializationException("Cannot write JSON: " + e.getMessage(), e);
    }
  }

  static List<Object> read(List<Column> columns, byte[] bytes, boolean unwrapped, boolean isKey) {
    if (bytes == null) {
      if (!isKey) {
        return null;
      }
      List<Object> nulls = new ArrayList<>();
      columns.forEach(c -> nulls.add(null));
      return nulls;
    }
    JsonNode node;
    try {
      node = MAPPER.readTree(bytes);
    } catch (IOException e) {
      throw new SerializationException("Failed to deserialize JSON: " + e.getMessage(), e);
    }
    List<Object> out = new ArrayList<>(columns.size());
    if (unwrapped) {
      out.add(JsonValues.fromJson(node, columns.get(0).type()));
      return out;
    }
    if (node == null || node.isNull()) {
      return isKey ? nullsFor(columns) : null;
    }
    if (!node.isObject()) {
      throw new SerializationException("Expected a JSON object but got: " + node);
    }
    for (Column c : columns) {
      out.add(JsonValues.fromJson(JsonValues.field(node, c.name()), c.type()));
    }
    return out;
  }

  private static List<Object> nullsFor(List<Column> columns) {
    List<Object> nulls = new ArrayList<>();
    columns.forEach(c -> nulls.add(null));
    return nulls;
  }

  @Override
  public boolean supportsWrapping() {
    return true;
  }

  @Override
  public boolean supportsUnwrapping() {
    return true;
  }
}
