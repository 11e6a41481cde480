package io.rtdp.ksql.engine.function.builtin;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

/** The text encodings of TO_BYTES, FROM_BYTES and ENCODE: hex, utf8, ascii, base64. */
final class Encodings {
  private Encodings() {}

  static byte[] decode(String text, String encoding) {
    return switch (encoding.toLowerCase(Locale.ROOT)) {
      case "hex" -> HexFormat.of().parseHex(text.length() % 2 == 1 ? "0" + text : text);
      case "utf8" -> text.getBytes(StandardCharsets.UTF_8);
      case "ascii" -> text.getBytes(StandardCharsets.US_ASCII);
      case "base64" -> Base64.getDecoder().decode(text);
      default -> throw new IllegalArgumentException("Unsupported encoding: " + encoding
          + ". Supported encodings are: hex, utf8, ascii and base64.");
    };
  }

  static String encode(byte[] bytes, String encoding) {
    return switch (encoding.toLowerCase(Locale.ROOT)) {
      case "hex" -> HexFormat.of().formatHex(bytes);
      case "utf8" -> new String(bytes, StandardCharsets.UTF_8);
      case "ascii" -> new String(bytes, StandardCharsets.US_ASCII);
      case "base64" -> Base64.getEncoder().encodeToString(bytes);
      default -> throw new IllegalArgumentException("Unsupported encoding: " + encoding
          + ". Supported encodings are: hex, utf8, ascii and base64.");
    };
  }
}
