package io.rtdp.ksql.server.command;

import io.rtdp.ksql.engine.parser.Statement;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code <type>/<entity>/<action>} as ksqlDB names commands (SPEC §4.6): creates use the
 * back-quoted name, drops the bare one. Empty for statements that are not distributed.
 */
public final class CommandId {
  private CommandId() {
  }

  public static Optional<String> of(Statement s) {
    if (s instanceof Statement.CreateSource c) {
      return Optional.of(kind(c.table()) + "/`" + c.name() + "`/create");
    }
    if (s instanceof Statement.CreateAsSelect c) {
      return Optional.of(kind(c.table()) + "/`" + c.name() + "`/create");
    }
    if (s instanceof Statement.InsertInto i) {
      return Optional.of("stream/`" + i.target() + "`/create");
    }
    if (s instanceof Statement.DropSource d) {
      return Optional.of(kind(d.table()) + "/" + d.name() + "/drop");
    }
    if (s instanceof Statement.Terminate t) {
      if (endsPushQuery(t)) {
        return Optional.empty();
      }
      return Optional.of("terminate/" + (t.queryId() == null ? "ALL" : t.queryId().toUpperCase(Locale.ROOT)) + "/execute");
    }
    if (s instanceof Statement.RegisterType t) {
      return Optional.of("type/" + t.name() + "/create");
    }
    if (s instanceof Statement.DropType t) {
      return Optional.of("type/" + t.name() + "/drop");
    }
    return Optional.empty();
  }

  /** TERMINATE of a transient push query: executed by the server running it, not distributed (SPEC §5.1). */
  public static boolean endsPushQuery(Statement.Terminate t) {
    return t.queryId() != null && t.queryId().regionMatches(true, 0, "transient_", 0, "transient_".length());
  }

  private static String kind(boolean table) {
    return table ? "table" : "stream";
  }
}
