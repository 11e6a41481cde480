package io.rtdp.ksql.engine.parser;

import java.math.BigDecimal;

/** Typing of numeric literal text as SPEC §1.1 states it. */
final class Literals {
  private Literals() {}

  static Expression number(String text, Pos pos) {
    boolean hasExponent = text.indexOf('E') >= 0 || text.indexOf('e') >= 0;
    if (hasExponent) {
      double d = Double.parseDouble(text);
      if (Double.isInfinite(d)) {
        throw new ParseFailedException("line " + pos.line() + ":" + pos.column() + ": Number overflows DOUBLE: " + text);
      }
      return new Expression.DoubleLiteral(pos, d);
    }
    if (text.indexOf('.') >= 0) {
      return new Expression.DecimalLiteral(pos, new BigDecimal(text));
    }
    try {
      long value = Long.parseLong(text);
      if (value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE) {
        return new Expression.IntegerLiteral(pos, (int) value);
      }
      return new Expression.BigintLiteral(pos, value);
    } catch (NumberFormatException e) {
      throw new ParseFailedException("line " + pos.line() + ":" + pos.column() + ": Invalid numeric literal: " + text);
    }
  }
}
