package io.rtdp.ksql.engine.util;

import io.rtdp.ksql.engine.KsqlException;
import io.rtdp.ksql.engine.parser.Pos;
import java.util.Locale;

/** Time units of window clauses and WINDOW_SIZE properties (SPEC §1.8). */
public final class Durations {
  private Durations() {}

  public static long toMillis(long amount, String unit, Pos pos) {
    String u = unit.toUpperCase(Locale.ROOT);
    String singular = u.endsWith("S") ? u.substring(0, u.length() - 1) : u;
    long factor = switch (singular) {
      case "MILLISECOND" -> 1L;
      case "SECOND" -> 1000L;
      case "MINUTE" -> 60_000L;
      case "HOUR" -> 3_600_000L;
      case "DAY" -> 86_400_000L;
      default -> throw new KsqlException((pos == null ? "" : pos + ": ") + "Unknown time unit: '" + u + "'");
    };
    return amount * factor;
  }

  /** Parses {@code '10 SECONDS'} as used by WINDOW_SIZE. */
  public static long parse(String text) {
    String[] parts = text.trim().split("\\s+");
    if (parts.length != 2) {
      throw new KsqlException("Invalid duration: '" + text + "'. Expected '<number> <unit>'");
    }
    try {
      return toMillis(Long.parseLong(parts[0]), parts[1], null);
    } catch (NumberFormatException e) {
      throw new KsqlException("Invalid duration: '" + text + "'. Not a number: '" + parts[0] + "'");
    } catch (KsqlException e) {
      throw new KsqlException("Invalid duration: '" + text + "'. " + e.getMessage());
    }
  }
}
