package io.rtdp.ksql.cli.output;

import java.util.Locale;

/** How results are shown: ksqlDB CLI's tables, or the server's JSON for scripts (SPEC §7). */
public enum OutputFormat {
  TABULAR, JSON;

  /** The format named (case-insensitive), or an exception that lists the valid names. */
  public static OutputFormat parse(String name) {
    try {
      return valueOf(name.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Unknown output format '" + name.strip() + "': use TABULAR or JSON");
    }
  }
}
