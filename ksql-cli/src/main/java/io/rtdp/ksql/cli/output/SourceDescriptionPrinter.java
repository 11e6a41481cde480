package io.rtdp.ksql.cli.output;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;

/** DESCRIBE [EXTENDED]: the source's name, its fields, and with EXTENDED its topic, queries and statistics. */
final class SourceDescriptionPrinter {
  private final PrintWriter out;

  SourceDescriptionPrinter(PrintWriter out) {
    this.out = out;
  }

  void print(JsonNode d) {
    boolean extended = d.path("extended").asBoolean(false);
    String type = d.path("type").asText("STREAM");
    out.println();
    label("Name", d.path("name").asText());
    if (extended) {
      label("Type", type);
      label("Timestamp field", d.path("timestamp").asText("").isEmpty()
          ? "Not set - using <ROWTIME>" : d.path("timestamp").asText());
      label("Key format", d.path("keyFormat").asText());
      label("Value format", d.path("valueFormat").asText());
      label("Kafka topic", d.path("topic").asText() + " (partitions: " + d.path("partitions").asInt()
          + ", replication: " + d.path("replication").asInt() + ")");
      if (d.hasNonNull("windowType")) {
        label("Window type", d.get("windowType").asText());
      }
      label("Statement", d.path("statement").asText());
    }
    fields(d.path("fields"), type.equals("TABLE"), out);
    if (!extended) {
      out.println("For runtime statistics and query details run: DESCRIBE <Stream,Table> EXTENDED;");
      return;
    }
    queries("Queries that read from this " + type, d.path("readQueries"));
    queries("Queries that write from this " + type, d.path("writeQueries"));
    out.println("For query topology and execution plan please run: EXPLAIN <QueryId>");
    out.println();
    underlined("Local runtime statistics");
    if (!d.path("statistics").asText("").isEmpty()) {
      out.println(d.path("statistics").asText());
    }
    if (!d.path("errorStats").asText("").isEmpty()) {
      out.println(d.path("errorStats").asText());
    }
    out.println("(Statistics of the local KSQL server interaction with the Kafka topic " + d.path("topic").asText()
        + ")");
  }

  static void fields(JsonNode fields, boolean table, PrintWriter out) {
    Table t = new Table("Field", "Type");
    fields.forEach(f -> t.row(f.path("name").asText(), SqlTypes.ofField(f, table)));
    t.print(out);
  }

  private void queries(String title, JsonNode queries) {
    out.println();
    underlined(title);
    for (JsonNode q : queries) {
      out.println(q.path("id").asText() + " (" + q.path("state").asText("UNKNOWN") + ") : "
          + q.path("queryString").asText());
    }
    out.println();
  }

  private void label(String name, String value) {
    out.printf("%-20s : %s%n", name, value);
  }

  private void underlined(String title) {
    out.println(title);
    out.println("-".repeat(title.length()));
  }
}
