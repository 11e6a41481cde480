package io.rtdp.ksql.migrations;

import com.fasterxml.jackson.databind.JsonNode;
import io.rtdp.ksql.client.KsqlClient;
import io.rtdp.ksql.client.KsqlServerException;
import io.rtdp.ksql.client.QueryResult;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * The record of applied migrations, kept in the KSQL server itself as ksqlDB's tool keeps it: every
 * state change is an event on the stream MIGRATION_EVENTS (one for the version, one for the key
 * CURRENT), and the table MIGRATION_SCHEMA_VERSIONS holds each key's latest event, read with pull
 * queries. Two machines applying the same directory thus see one history.
 */
final class MigrationHistory {
  static final String EVENTS = "MIGRATION_EVENTS";
  static final String VERSIONS = "MIGRATION_SCHEMA_VERSIONS";
  private static final String CURRENT = "CURRENT";
  private static final String[] FIELDS = {"VERSION", "NAME", "STATE", "CHECKSUM", "STARTED_ON", "COMPLETED_ON",
      "PREVIOUS", "ERROR_REASON"};

  private final KsqlClient client;
  private final Duration timeout;

  MigrationHistory(KsqlClient client, Duration timeout) {
    this.client = client;
    this.timeout = timeout;
  }

  /** Creates the stream and the table when they are missing; their topics carry the server's service id. */
  void initialize() {
    String serviceId = client.info().path("KsqlServerInfo").path("ksqlServiceId").asText("default_");
    StringBuilder columns = new StringBuilder("VERSION_KEY STRING KEY");
    StringBuilder latest = new StringBuilder("VERSION_KEY");
    for (String f : FIELDS) {
      columns.append(", ").append(f).append(" STRING");
      latest.append(", LATEST_BY_OFFSET(").append(f).append(") AS ").append(f);
    }
    client.execute("CREATE STREAM IF NOT EXISTS " + EVENTS + " (" + columns + ") WITH (KAFKA_TOPIC='" + serviceId
        + "ksql_" + EVENTS + "', VALUE_FORMAT='JSON', PARTITIONS=1);"
        + "CREATE TABLE IF NOT EXISTS " + VERSIONS + " WITH (KAFKA_TOPIC='" + serviceId + "ksql_" + VERSIONS
        + "') AS SELECT " + latest + " FROM " + EVENTS + " GROUP BY VERSION_KEY;",
        Map.of("auto.offset.reset", "earliest"));
  }

  /**
   * Every version the record holds, by version. Right after {@link #initialize} created the table,
   * its query is still starting and the server answers 5xx: that is waited out, up to the deadline.
   */
  Map<Integer, AppliedVersion> read() {
    long deadline = System.nanoTime() + timeout.toNanos();
    QueryResult result;
    while (true) {
      try {
        result = client.query("SELECT * FROM " + VERSIONS + ";", Map.of());
        break;
      } catch (KsqlServerException e) {
        if (e.status() < 500 || System.nanoTime() > deadline) {
          throw new MigrationException("Cannot read the migration record (" + VERSIONS + "): " + e.getMessage(), e);
        }
        sleep();
      }
    }
    Map<Integer, AppliedVersion> versions = new TreeMap<>();
    for (int i = 0; i < result.rows().size(); i++) {
      Map<String, JsonNode> row = result.row(i);
      if (!CURRENT.equals(text(row, "VERSION_KEY"))) {
        AppliedVersion v = new AppliedVersion(Integer.parseInt(text(row, "VERSION")), text(row, "NAME"),
            text(row, "STATE"), text(row, "CHECKSUM"), text(row, "STARTED_ON"), text(row, "COMPLETED_ON"),
            text(row, "PREVIOUS"), text(row, "ERROR_REASON"));
        versions.put(v.version(), v);
      }
    }
    return versions;
  }

  /** Writes the version's new state, and makes it the CURRENT one. */
  void record(AppliedVersion v) {
    String values = literal(Integer.toString(v.version())) + ", " + literal(v.name()) + ", " + literal(v.state())
        + ", " + literal(v.checksum()) + ", " + literal(v.startedOn()) + ", " + literal(v.completedOn()) + ", "
        + literal(v.previous()) + ", " + literal(v.errorReason());
    String columns = "(VERSION_KEY, " + String.join(", ", FIELDS) + ")";
    client.execute("INSERT INTO " + EVENTS + " " + columns + " VALUES (" + literal(Integer.toString(v.version()))
        + ", " + values + ");"
        + "INSERT INTO " + EVENTS + " " + columns + " VALUES (" + literal(CURRENT) + ", " + values + ");", Map.of());
  }

  /**
   * Waits until the table shows the version in {@code state}: the table follows the events a
   * moment later, and a next run must not see an older state.
   */
  void await(int version, String state) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      try {
        QueryResult r = client.query("SELECT STATE FROM " + VERSIONS + " WHERE VERSION_KEY = '" + version + "';",
            Map.of());
        if (!r.rows().isEmpty() && state.equals(r.rows().get(0).get(0).asText())) {
          return;
        }
      } catch (KsqlServerException e) {
        // The table's query may still be starting; the deadline bounds the wait.
      }
      if (System.nanoTime() > deadline) {
        throw new MigrationException("Version " + version + " was recorded as " + state + " but "
            + VERSIONS + " does not show it after " + timeout.toSeconds() + " s. Check the KSQL server's"
            + " query for " + VERSIONS + " (SHOW QUERIES;).");
      }
      sleep();
    }
  }

  private static void sleep() {
    try {
      Thread.sleep(200);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MigrationException("Interrupted while waiting for the migration record", e);
    }
  }

  private static String text(Map<String, JsonNode> row, String column) {
    JsonNode v = row.get(column);
    return v == null || v.isNull() ? null : v.asText();
  }

  private static String literal(String s) {
    return s == null ? "NULL" : "'" + s.replace("'", "''") + "'";
  }
}
