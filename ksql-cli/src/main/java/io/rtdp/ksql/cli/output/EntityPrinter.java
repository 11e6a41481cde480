package io.rtdp.ksql.cli.output;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/** Prints {@code /ksql} entities (SPEC §4.6) the way ksqlDB's CLI shows them in its tabular mode. */
public final class EntityPrinter {
  private final PrintWriter out;

  public EntityPrinter(PrintWriter out) {
    this.out = out;
  }

  public void print(JsonNode entity) {
    switch (entity.path("@type").asText("")) {
      case "currentStatus" -> new Table("Message").row(entity.path("commandStatus").path("message").asText()).print(out);
      case "streams" -> sources(entity.path("streams"), "Stream Name");
      case "tables" -> sources(entity.path("tables"), "Table Name");
      case "kafka_topics" -> topics(entity.path("topics"), false);
      case "kafka_topics_extended" -> topics(entity.path("topics"), true);
      case "queries" -> queries(entity.path("queries"));
      case "sourceDescription" -> new SourceDescriptionPrinter(out).print(entity.path("sourceDescription"));
      case "source_descriptions" -> entity.path("sourceDescriptions")
          .forEach(d -> new SourceDescriptionPrinter(out).print(d));
      case "queryDescription" -> new QueryDescriptionPrinter(out).print(entity.path("queryDescription"));
      case "query_descriptions" -> entity.path("queryDescriptions")
          .forEach(d -> new QueryDescriptionPrinter(out).print(d));
      case "function_names" -> functions(entity.path("functions"));
      case "describe_function" -> new FunctionDescriptionPrinter(out).print(entity);
      case "properties" -> properties(entity);
      case "variables" -> variables(entity.path("variables"));
      case "type_list" -> types(entity.path("types"));
      case "terminate_query" -> new Table("Message").row(entity.path("wasTerminated").asBoolean()
          ? "Query terminated." : "Query " + entity.path("queryId").asText() + " was not running.").print(out);
      case "warning_entity" -> out.println(entity.path("message").asText());
      case "executionPlan" -> out.println(entity.path("executionPlan").asText());
      default -> out.println(entity.toPrettyString());
    }
    for (JsonNode warning : entity.path("warnings")) {
      out.println("WARNING: " + warning.path("message").asText());
    }
  }

  private void sources(JsonNode sources, String nameHeader) {
    Table table = new Table(nameHeader, "Kafka Topic", "Key Format", "Value Format", "Windowed");
    for (JsonNode s : sources) {
      table.row(s.path("name").asText(), s.path("topic").asText(), s.path("keyFormat").asText(),
          s.path("valueFormat").asText(), s.path("isWindowed").asBoolean());
    }
    table.print(out);
  }

  private void topics(JsonNode topics, boolean extended) {
    Table table = extended
        ? new Table("Kafka Topic", "Partitions", "Partition Replicas", "Consumers", "ConsumerGroups")
        : new Table("Kafka Topic", "Partitions", "Partition Replicas");
    for (JsonNode t : topics) {
      JsonNode replicas = t.path("replicaInfo");
      String replicaCounts = replicas.size() == 0 ? "" : replicas.get(0).asText();
      if (extended) {
        table.row(t.path("name").asText(), replicas.size(), replicaCounts, t.path("consumerCount").asInt(),
            t.path("consumerGroupCount").asInt());
      } else {
        table.row(t.path("name").asText(), replicas.size(), replicaCounts);
      }
    }
    table.print(out);
  }

  private void queries(JsonNode queries) {
    Table table = new Table("Query ID", "Query Type", "Status", "Sink Name", "Sink Kafka Topic", "Query String");
    for (JsonNode q : queries) {
      table.row(q.path("id").asText(), q.path("queryType").asText(), status(q), join(q.path("sinks")),
          join(q.path("sinkKafkaTopics")), q.path("queryString").asText());
    }
    table.print(out);
    out.println("For detailed information on a Query run: EXPLAIN <Query ID>;");
  }

  /** {@code RUNNING:1} per state and host count, as ksqlDB shows a query's hosts; the plain state otherwise. */
  private static String status(JsonNode query) {
    StringJoiner status = new StringJoiner(" ");
    for (Iterator<Map.Entry<String, JsonNode>> it = query.path("statusCount").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      status.add(e.getKey() + ":" + e.getValue().asText());
    }
    return status.length() > 0 ? status.toString() : query.path("state").asText("");
  }

  private void functions(JsonNode functions) {
    List<JsonNode> sorted = new ArrayList<>();
    functions.forEach(sorted::add);
    sorted.sort((a, b) -> a.path("name").asText().compareTo(b.path("name").asText()));
    Table table = new Table("Function Name", "Category");
    sorted.forEach(f -> table.row(f.path("name").asText(), f.path("category").asText()));
    table.print(out);
    out.println("For detailed information on a function run: DESCRIBE FUNCTION <Function Name>;");
  }

  private void properties(JsonNode entity) {
    List<String> overwritten = texts(entity.path("overwrittenProperties"));
    List<String> defaults = texts(entity.path("defaultProperties"));
    Table table = new Table("Property", "Scope", "Level", "Default override", "Effective Value");
    for (JsonNode p : entity.path("properties")) {
      String name = p.path("name").asText();
      // SESSION: set with SET in this CLI; SERVER: set in the server's configuration; blank: the built-in default.
      String override = overwritten.contains(name) ? "SESSION" : defaults.contains(name) ? "" : "SERVER";
      table.row(name, p.path("scope").asText(), p.path("level").asText(), override, p.path("value").asText());
    }
    table.print(out);
  }

  private void variables(JsonNode variables) {
    Table table = new Table("Variable Name", "Value");
    variables.forEach(v -> table.row(v.path("name").asText(), v.path("value").asText()));
    table.print(out);
  }

  private void types(JsonNode types) {
    Table table = new Table("Type Name", "Schema");
    types.fields().forEachRemaining(t -> table.row(t.getKey(), SqlTypes.of(t.getValue())));
    table.print(out);
  }

  static String join(JsonNode array) {
    return String.join(", ", texts(array));
  }

  static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(n -> texts.add(n.asText()));
    return texts;
  }
}
