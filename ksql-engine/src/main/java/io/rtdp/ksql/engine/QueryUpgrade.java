package io.rtdp.ksql.engine;

import io.rtdp.ksql.engine.metastore.DataSource;
import io.rtdp.ksql.engine.parser.Query;
import io.rtdp.ksql.engine.schema.Column;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * ksqlDB's rules for {@code CREATE OR REPLACE … AS SELECT} on an existing sink: the query is
 * upgraded in place (same id, same Kafka Streams application resuming from its offsets), so the
 * sink must stay readable by its consumers and the query must have no state that the new plan
 * could not reuse. Allowed: changing filters and projections, adding value columns at the end.
 */
final class QueryUpgrade {
  private QueryUpgrade() {
  }

  /**
   * Throws when {@code replacement} may not replace {@code existing}. {@code previous} is the
   * SELECT of the query that created the sink, null when no query did (a CREATE STREAM/TABLE).
   */
  static void check(DataSource existing, DataSource replacement, Query query, Query previous, String queryId) {
    sinkCompatibility(existing, replacement);
    if (previous == null) {
      return;
    }
    String stateful = stateful(previous) != null ? stateful(previous) : stateful(query);
    if (stateful != null) {
      throw new KsqlException("Cannot upgrade query " + queryId + ": only stateless queries (filters and"
          + " projections) can be replaced in place, and this one has " + stateful + ". Terminate " + queryId
          + " and DROP " + existing.name() + " to create it anew.");
    }
    List<String> before = sources(previous);
    List<String> after = sources(query);
    if (!before.equals(after)) {
      throw new KsqlException("Cannot upgrade query " + queryId + ": it reads from " + String.join(", ", before)
          + " and the replacement reads from " + String.join(", ", after) + "; a query's sources cannot change."
          + " Create a new query for the new source instead.");
    }
  }

  /** ksqlDB's DataSource upgrade check: everything consumers of the sink depend on stays. */
  private static void sinkCompatibility(DataSource existing, DataSource replacement) {
    unchanged(existing, replacement, "type", DataSource::kind);
    unchanged(existing, replacement, "topic", DataSource::topic);
    unchanged(existing, replacement, "keyFormat", DataSource::keyFormat);
    unchanged(existing, replacement, "valueFormat", DataSource::valueFormat);
    unchanged(existing, replacement, "timestampColumn", DataSource::timestampColumn);
    unchanged(existing, replacement, "windowType", DataSource::window);
    List<Column> broken = new ArrayList<>();
    List<Column> oldKey = existing.schema().key();
    List<Column> oldValue = existing.schema().value();
    List<Column> newValue = replacement.schema().value();
    for (int i = 0; i < oldKey.size(); i++) {
      if (i >= replacement.schema().key().size() || !oldKey.get(i).equals(replacement.schema().key().get(i))) {
        broken.add(oldKey.get(i));
      }
    }
    for (int i = 0; i < oldValue.size(); i++) {
      if (i >= newValue.size() || !oldValue.get(i).equals(newValue.get(i))) {
        broken.add(oldValue.get(i));
      }
    }
    if (!broken.isEmpty() || oldKey.size() != replacement.schema().key().size()) {
      throw notUpgradeable(existing, "schema", existing.schema(), replacement.schema(),
          ". The following columns are changed, missing or reordered: " + broken);
    }
  }

  private static void unchanged(DataSource existing, DataSource replacement, String what,
      Function<DataSource, Object> property) {
    Object before = property.apply(existing);
    Object after = property.apply(replacement);
    if (!Objects.equals(before, after)) {
      throw notUpgradeable(existing, what, before, after, "");
    }
  }

  private static KsqlException notUpgradeable(DataSource existing, String what, Object before, Object after,
      String detail) {
    return new KsqlException("Cannot upgrade data source: DataSource '" + existing.name() + "' has " + what + " = "
        + before + " which is not upgradeable to " + after + detail);
  }

  /** What gives the query state (a store the new plan would have to reuse), or null if nothing does. */
  private static String stateful(Query q) {
    if (!q.from().joins().isEmpty()) {
      return "a JOIN";
    }
    if (q.window() != null) {
      return "a WINDOW";
    }
    if (!q.groupBy().isEmpty()) {
      return "a GROUP BY";
    }
    return null;
  }

  private static List<String> sources(Query q) {
    List<String> names = new ArrayList<>();
    names.add(q.from().left().name());
    q.from().joins().forEach(j -> names.add(j.right().name()));
    return names;
  }
}
