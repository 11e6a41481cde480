package io.rtdp.ksql.cli.output;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.StringJoiner;

/** EXPLAIN: the query's id, SQL, fields, sources and sinks, execution plan and Kafka Streams topology. */
final class QueryDescriptionPrinter {
  private final PrintWriter out;

  QueryDescriptionPrinter(PrintWriter out) {
    this.out = out;
  }

  void print(JsonNode q) {
    out.println();
    label("ID", q.path("id").asText());
    label("Query type", q.path("queryType").asText());
    label("SQL", q.path("statementText").asText());
    StringJoiner hosts = new StringJoiner(", ", "{", "}");
    q.path("ksqlHostQueryStatus").fields().forEachRemaining(h -> hosts.add(h.getKey() + "=" + h.getValue().asText()));
    label("Host Query Status", hosts.toString());
    out.println();
    SourceDescriptionPrinter.fields(q.path("fields"), false, out);
    out.println();
    section("Sources that this query reads from:", EntityPrinter.texts(q.path("sources")));
    out.println("For source description please run: DESCRIBE [EXTENDED] <SourceId>");
    out.println();
    section("Sinks that this query writes to:", EntityPrinter.texts(q.path("sinks")));
    if (!q.path("executionPlan").asText("").isEmpty()) {
      section("Execution plan", List.of(q.path("executionPlan").asText()));
    }
    if (!q.path("topology").asText("").isEmpty()) {
      section("Processing topology", List.of(q.path("topology").asText()));
    }
    if (q.path("overriddenProperties").size() > 0) {
      out.println("Overridden Properties");
      out.println("---------------------");
      Table properties = new Table("Property", "Value");
      q.path("overriddenProperties").fields().forEachRemaining(p -> properties.row(p.getKey(), p.getValue().asText()));
      properties.print(out);
      out.println();
    }
    for (JsonNode error : q.path("queryErrors")) {
      out.println("Error: " + error.path("errorMessage").asText(error.toString()));
    }
  }

  private void section(String title, List<String> lines) {
    out.println(title);
    out.println("-".repeat(title.length()));
    lines.forEach(out::println);
    out.println();
  }

  private void label(String name, String value) {
    out.printf("%-20s : %s%n", name, value);
  }
}
