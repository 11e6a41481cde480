package io.rtdp.ksql.engine.schema;

import java.util.Set;

/** Pseudo columns of SPEC §2.1, reserved as column names and aliases. */
public final class SystemColumns {
  public static final String ROWTIME = "ROWTIME";
  public static final String ROWPARTITION = "ROWPARTITION";
  public static final String ROWOFFSET = "ROWOFFSET";
  public static final String WINDOWSTART = "WINDOWSTART";
  public static final String WINDOWEND = "WINDOWEND";

  private static final Set<String> RESERVED = Set.of(ROWTIME, ROWPARTITION, ROWOFFSET, WINDOWSTART, WINDOWEND);

  private SystemColumns() {}

  public static boolean isReserved(String name) {
    return RESERVED.contains(name);
  }

  public static boolean isWindowBound(String name) {
    return WINDOWSTART.equals(name) || WINDOWEND.equals(name);
  }
}
