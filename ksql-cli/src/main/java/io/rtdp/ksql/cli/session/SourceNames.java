package io.rtdp.ksql.cli.session;

import com.fasterxml.jackson.databind.JsonNode;
import io.rtdp.ksql.client.KsqlServerException;
import io.rtdp.ksql.client.KsqlUnavailableException;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * The server's stream and table names for completion: fetched when first needed and again after a
 * statement may have changed them, so that a Tab press costs a request only when something changed.
 */
public final class SourceNames {
  private final Session session;
  private volatile List<String> names = List.of();
  private volatile boolean stale = true;

  public SourceNames(Session session) {
    this.session = session;
  }

  public void invalidate() {
    stale = true;
  }

  public Collection<String> get() {
    if (stale) {
      try {
        List<JsonNode> entities = session.client().execute("SHOW STREAMS; SHOW TABLES;", session.properties(),
            session.variables(), session.commandSequenceNumber());
        TreeSet<String> fresh = new TreeSet<>();
        for (JsonNode entity : entities) {
          entity.path("streams").forEach(s -> fresh.add(s.path("name").asText()));
          entity.path("tables").forEach(t -> fresh.add(t.path("name").asText()));
        }
        names = List.copyOf(fresh);
        stale = false;
      } catch (KsqlServerException | KsqlUnavailableException e) {
        // Completion goes on with the names known before; the next statement will report the problem.
      }
    }
    return names;
  }
}
