package io.rtdp.ksql.server.streaming;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * PRINT's reading of raw key or value bytes (SPEC §4.4): the formats the bytes could be in, and
 * the text shown for them, as ksqlDB guesses without knowing the topic's schema.
 */
record PrintedBytes(List<String> formats, String text) {
  private static final ObjectMapper JSON = new ObjectMapper();

  static PrintedBytes of(byte[] bytes) {
    if (bytes == null) {
      return new PrintedBytes(List.of(), "<null>");
    }
    List<String> formats = new ArrayList<>();
    if (bytes.length > 5 && bytes[0] == 0) {
      // Confluent wire format: magic byte and a schema id, then the payload.
      formats.add("AVRO");
      formats.add("PROTOBUF");
      formats.add("JSON_SR");
    }
    if (bytes.length == 4) {
      formats.add("KAFKA_INT");
    }
    if (bytes.length == 8) {
      formats.add("KAFKA_BIGINT");
      formats.add("KAFKA_DOUBLE");
    }
    String utf8 = utf8(bytes);
    if (utf8 != null && isJson(utf8)) {
      formats.add("JSON");
    }
    if (utf8 != null && utf8.codePoints().noneMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t')) {
      formats.add("KAFKA_STRING");
    }
    String text;
    if (formats.contains("KAFKA_STRING")) {
      text = utf8;
    } else if (bytes.length == 4) {
      text = Integer.toString(ByteBuffer.wrap(bytes).getInt());
    } else if (bytes.length == 8) {
      text = Long.toString(ByteBuffer.wrap(bytes).getLong());
    } else {
      text = java.util.Base64.getEncoder().encodeToString(bytes);
    }
    if (formats.isEmpty()) {
      formats.add("BYTES");
    }
    return new PrintedBytes(formats, text);
  }

  /** The format line: possible formats joined with " or ". */
  String describe() {
    return formats.isEmpty() ? "¯\\_(ツ)_/¯ - no data processed" : String.join(" or ", formats);
  }

  private static String utf8(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  private static boolean isJson(String text) {
    try {
      JSON.readTree(text);
      return !text.isBlank();
    } catch (JsonProcessingException e) {
      return false;
    }
  }
}
