package io.rtdp.ksql.engine.function.builtin;

/** Shared by LPAD and RPAD: pads with a repeated string, or truncates, to a length. */
final class Pad {
  private Pad() {}

  static String pad(String input, Integer length, String padding, boolean left) {
    if (input == null || length == null || padding == null || padding.isEmpty() || length < 0) {
      return null;
    }
    if (input.length() >= length) {
      return input.substring(0, length);
    }
    StringBuilder fill = new StringBuilder();
    while (fill.length() < length - input.length()) {
      fill.append(padding);
    }
    fill.setLength(length - input.length());
    return left ? fill + input : input + fill;
  }
}
