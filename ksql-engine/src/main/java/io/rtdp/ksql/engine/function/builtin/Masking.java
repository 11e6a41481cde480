package io.rtdp.ksql.engine.function.builtin;

/**
 * Shared by the MASK functions: replaces upper-case letters, lower-case letters, digits and other
 * characters of a range of the input by the first character of the matching replacement string; a
 * NULL replacement leaves that class of characters unmasked.
 */
final class Masking {
  static final String UPPER = "X";
  static final String LOWER = "x";
  static final String DIGIT = "n";
  static final String OTHER = "-";

  /** Which characters a MASK variant masks, given the input length and its count argument. */
  enum Range {
    ALL, KEEP_LEFT, KEEP_RIGHT, LEFT, RIGHT
  }

  private Masking() {}

  static String mask(String input, Range range, Integer count, String upper, String lower, String digit,
      String other) {
    if (input == null || (range != Range.ALL && count == null)) {
      return null;
    }
    if (range != Range.ALL && count < 0) {
      throw new IllegalArgumentException("The number of characters must be >= 0, got " + count);
    }
    int n = range == Range.ALL ? 0 : Math.min(count, input.length());
    int len = input.length();
    int from;
    int to;
    switch (range) {
      case KEEP_LEFT -> { from = n; to = len; }
      case KEEP_RIGHT -> { from = 0; to = len - n; }
      case LEFT -> { from = 0; to = n; }
      case RIGHT -> { from = len - n; to = len; }
      default -> { from = 0; to = len; }
    }
    StringBuilder out = new StringBuilder(input);
    for (int i = from; i < to; i++) {
      String replacement = replacementFor(input.charAt(i), upper, lower, digit, other);
      if (replacement != null && !replacement.isEmpty()) {
        out.setCharAt(i, replacement.charAt(0));
      }
    }
    return out.toString();
  }

  private static String replacementFor(char c, String upper, String lower, String digit, String other) {
    if (Character.isUpperCase(c)) {
      return upper;
    }
    if (Character.isLowerCase(c)) {
      return lower;
    }
    return Character.isDigit(c) ? digit : other;
  }
}
