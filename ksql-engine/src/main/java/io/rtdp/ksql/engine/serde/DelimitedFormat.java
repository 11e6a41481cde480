package io.rtdp.ksql.engine.serde;

import io.rtdp.ksql.engine.KsqlException;
import io.rtdp.ksql.engine.expression.Casts;
import io.rtdp.ksql.engine.expression.Temporals;
import io.rtdp.ksql.engine.schema.Column;
import io.rtdp.ksql.engine.schema.SqlType;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/** DELIMITED: one CSV line (RFC 4180 quoting, minimal quoting on write); empty field = NULL. */
final class DelimitedFormat implements Format {
  @Override
  public String name() {
    return "DELIMITED";
  }

  @Override
  public void validate(List<Column> columns, boolean isKey, FormatOptions options) {
    for (Column c : columns) {
      switch (c.type().base()) {
        case ARRAY, MAP, STRUCT -> {
          String problem = "The 'DELIMITED' format does not support type '" + c.type().base() + "'";
          throw new KsqlException(isKey
              ? Format.keyFormatProblem(name(), columns, problem + ", column: `" + c.name() + "`") : problem);
        }
        default -> { }
      }
    }
  }

  @Override
  public Serde<List<Object>> serde(List<Column> columns, boolean isKey, FormatOptions options) {
    char delimiter = options.delimiter();
    return Serdes.serdeFrom(
        (topic, values) -> Format.writesNothing(values, isKey) ? null
            : write(values, delimiter).getBytes(StandardCharsets.UTF_8),
        (topic, bytes) -> {
          if (bytes == null) {
            if (!isKey) {
              return null;
            }
            List<Object> nulls = new ArrayList<>();
            columns.forEach(c -> nulls.add(null));
            return nulls;
          }
          return read(columns, new String(bytes, StandardCharsets.UTF_8), delimiter);
        });
  }

  private static List<Object> read(List<Column> columns, String line, char delimiter) {
    List<String> fields = split(line, delimiter);
    if (fields.size() != columns.size()) {
      throw new SerializationException("Column count mismatch on deserialization. topic: , expected: "
          + columns.size() + ", got: " + fields.size());
    }
    List<Object> out = new ArrayList<>(fields.size());
    for (int i = 0; i < fields.size(); i++) {
      out.add(parse(fields.get(i), columns.get(i).type()));
    }
    return out;
  }

  private static Object parse(String field, SqlType type) {
    if (field == null || field.isEmpty()) {
      return null;
    }
    try {
      return switch (type.base()) {
        case BOOLEAN -> Boolean.parseBoolean(field.trim());
        case INTEGER -> Integer.parseInt(field.trim());
        case BIGINT -> Long.parseLong(field.trim());
        case DOUBLE -> Double.parseDouble(field.trim());
        case DECIMAL -> Casts.decimal(new BigDecimal(field.trim()), (SqlType.Decimal) type);
        case STRING -> field;
        case BYTES -> ByteBuffer.wrap(Base64.getDecoder().decode(field.trim()));
        case DATE -> Temporals.date(Long.parseLong(field.trim()));
        case TIME -> new java.sql.Time(Long.parseLong(field.trim()));
        case TIMESTAMP -> new java.sql.Timestamp(Long.parseLong(field.trim()));
        default -> throw new SerializationException("DELIMITED cannot read " + type);
      };
    } catch (NumberFormatException e) {
      throw new SerializationException("Failed to parse " + type + " from DELIMITED field '" + field + "'", e);
    }
  }

  /** Splits one record; quoted fields may contain the delimiter and doubled quotes. */
  private static List<String> split(String line, char delimiter) {
    List<String> out = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean wasQuoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
            field.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          field.append(c);
        }
      } else if (c == '"' && field.length() == 0) {
        quoted = true;
        wasQuoted = true;
      } else if (c == delimiter) {
        out.add(wasQuoted || field.length() > 0 ? field.toString() : null);
        field.setLength(0);
        wasQuoted = false;
      } else {
        field.append(c);
      }
    }
    out.add(wasQuoted || field.length() > 0 ? field.toString() : null);
    return out;
  }

  private static String write(List<Object> values, char delimiter) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        b.append(delimiter);
      }
      Object v = values.get(i);
      if (v != null) {
        b.append(quoteIfNeeded(text(v), delimiter, i == 0));
      }
    }
    return b.toString();
  }

  private static String text(Object v) {
    if (v instanceof java.sql.Date d) {
      return Long.toString(Temporals.epochDays(d));
    }
    if (v instanceof java.util.Date d) {
      return Long.toString(d.getTime());
    }
    if (v instanceof ByteBuffer bb) {
      return Base64.getEncoder().encodeToString(Casts.bytes(bb));
    }
    if (v instanceof BigDecimal d) {
      return d.toPlainString();
    }
    return v.toString();
  }

  /**
   * Quotes like Commons CSV's minimal mode: special characters, or a leading/trailing oddity; the
   * first field of a record is quoted when it starts with '-' too (ksqlDB writes "-10" for -10).
   */
  private static String quoteIfNeeded(String s, char delimiter, boolean firstOfRecord) {
    boolean quote = false;
    if (s.isEmpty()) {
      quote = false;
    } else if (s.charAt(0) <= '#' || (firstOfRecord && s.charAt(0) == '-')) {
      quote = true;
    } else {
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (c == delimiter || c == '"' || c == '\n' || c == '\r') {
          quote = true;
          break;
        }
      }
      if (!quote && s.charAt(s.length() - 1) <= ' ') {
        quote = true;
      }
    }
    return quote ? '"' + s.replace("\"", "\"\"") + '"' : s;
  }

  @Override
  public boolean supportsWrapping() {
    return false;
  }

  @Override
  public boolean supportsUnwrapping() {
    return true;
  }
}
