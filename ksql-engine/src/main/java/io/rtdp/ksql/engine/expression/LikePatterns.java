package io.rtdp.ksql.engine.expression;

import java.util.regex.Pattern;

/** Translates LIKE patterns ({@code %}, {@code _}, optional escape character) to regexes. */
final class LikePatterns {
  private LikePatterns() {}

  static Pattern compile(String like, Character escape) {
    StringBuilder regex = new StringBuilder();
    boolean escaped = false;
    for (char c : like.toCharArray()) {
      if (escaped) {
        regex.append(Pattern.quote(String.valueOf(c)));
        escaped = false;
      } else if (escape != null && c == escape) {
        escaped = true;
      } else if (c == '%') {
        regex.append(".*");
      } else if (c == '_') {
        regex.append('.');
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(regex.toString(), Pattern.DOTALL);
  }
}
