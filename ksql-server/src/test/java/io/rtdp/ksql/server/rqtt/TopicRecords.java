package io.rtdp.ksql.server.rqtt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * RQTT records on the wire for the formats rtdp's server and registry serve (KAFKA, JSON,
 * DELIMITED, NONE, and AVRO through {@link AvroRecords}): inputs serialized as the source that
 * reads the topic expects, outputs decoded the way the sink wrote them. {@code source} is a /ksql
 * source description, or null when no source uses the topic (then JSON text is assumed).
 */
final class TopicRecords {
  private TopicRecords() {
  }

  /**
   * {@code window} (QTT README §1.1) makes a windowed key: the inner key, then the window start
   * (time windows) or end and start (session windows) as 8-byte big-endian longs.
   */
  static byte[] key(JsonNode source, String topic, JsonNode key, JsonNode window, AvroRecords avro) {
    if (key == null || key.isNull()) {
      return null;
    }
    String format = source == null ? "JSON" : source.path("keyFormat").asText("KAFKA");
    JsonNode column = source == null ? null : firstField(source, true);
    byte[] inner = isAvro(format) ? avro.encode(topic + "-key", key, source, true) : serialize(format, column, key);
    if (window == null || window.isNull()) {
      return inner;
    }
    boolean session = window.path("type").asText().equalsIgnoreCase("session");
    ByteBuffer out = ByteBuffer.allocate(inner.length + (session ? 16 : 8)).put(inner);
    if (session) {
      out.putLong(window.path("end").asLong());
    }
    return out.putLong(window.path("start").asLong()).array();
  }

  static byte[] value(JsonNode source, String topic, JsonNode value, AvroRecords avro) {
    if (value == null || value.isNull()) {
      return null;
    }
    String format = source == null ? "JSON" : source.path("valueFormat").asText("JSON");
    JsonNode column = source == null ? null : firstField(source, false);
    return isAvro(format) ? avro.encode(topic + "-value", value, source, false) : serialize(format, column, value);
  }

  private static boolean isAvro(String format) {
    return format.equalsIgnoreCase("AVRO");
  }

  private static byte[] serialize(String format, JsonNode column, JsonNode v) {
    switch (format.toUpperCase(Locale.ROOT)) {
      case "KAFKA" -> {
        String type = column == null ? "STRING" : column.path("schema").path("type").asText();
        return switch (type) {
          case "INTEGER" -> ByteBuffer.allocate(4).putInt(v.asInt()).array();
          case "BIGINT" -> ByteBuffer.allocate(8).putLong(v.asLong()).array();
          case "DOUBLE" -> ByteBuffer.allocate(8).putDouble(v.asDouble()).array();
          default -> v.asText().getBytes(StandardCharsets.UTF_8);
        };
      }
      case "DELIMITED" -> {
        return v.asText().getBytes(StandardCharsets.UTF_8);
      }
      default -> {
        return v.toString().getBytes(StandardCharsets.UTF_8);
      }
    }
  }

  static JsonNode decodeKey(JsonNode sink, byte[] bytes, AvroRecords avro) {
    if (bytes == null) {
      return JsonNodeFactory.instance.nullNode();
    }
    String window = sink == null ? null : sink.path("windowType").asText(null);
    if (window != null && !window.equals("null")) {
      int suffix = window.equalsIgnoreCase("SESSION") ? 16 : 8;
      bytes = java.util.Arrays.copyOf(bytes, Math.max(0, bytes.length - suffix));
    }
    String format = sink == null ? "JSON" : sink.path("keyFormat").asText("KAFKA");
    return isAvro(format) ? avro.decode(bytes) : decode(format, sink == null ? null : firstField(sink, true), bytes);
  }

  static JsonNode decodeValue(JsonNode sink, byte[] bytes, AvroRecords avro) {
    if (bytes == null) {
      return JsonNodeFactory.instance.nullNode();
    }
    String format = sink == null ? "JSON" : sink.path("valueFormat").asText("JSON");
    return isAvro(format) ? avro.decode(bytes) : decode(format, sink == null ? null : firstField(sink, false), bytes);
  }

  private static JsonNode decode(String format, JsonNode column, byte[] bytes) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    switch (format.toUpperCase(Locale.ROOT)) {
      case "KAFKA" -> {
        String type = column == null ? "STRING" : column.path("schema").path("type").asText();
        return switch (type) {
          case "INTEGER" -> f.numberNode(ByteBuffer.wrap(bytes).getInt());
          case "BIGINT" -> f.numberNode(ByteBuffer.wrap(bytes).getLong());
          case "DOUBLE" -> f.numberNode(ByteBuffer.wrap(bytes).getDouble());
          default -> f.textNode(new String(bytes, StandardCharsets.UTF_8));
        };
      }
      case "DELIMITED" -> {
        return f.textNode(new String(bytes, StandardCharsets.UTF_8));
      }
      default -> {
        try {
          return RqttLoader.JSON.readTree(bytes);
        } catch (java.io.IOException e) {
          return f.textNode(new String(bytes, StandardCharsets.UTF_8));
        }
      }
    }
  }

  /** The first key (or value) column of the source description. */
  private static JsonNode firstField(JsonNode source, boolean key) {
    for (JsonNode field : source.path("fields")) {
      boolean isKey = "KEY".equals(field.path("type").asText());
      if (isKey == key && !"HEADER".equals(field.path("type").asText())) {
        return field;
      }
    }
    return null;
  }
}
