package io.rtdp.ksql.engine.qtt;

import com.fasterxml.jackson.databind.JsonNode;
import io.rtdp.ksql.engine.metastore.DataSource;
import io.rtdp.ksql.engine.parser.Statement;
import io.rtdp.ksql.engine.parser.StatementParser;
import io.rtdp.ksql.engine.schema.Column;
import java.util.ArrayList;
import java.util.List;

/** The {@code post.sources} checks of qtt/README.md §1.4 against the engine's metastore. */
final class PostConditions {
  private PostConditions() {}

  /** Null when the source matches what the test expects. */
  static String check(JsonNode expected, DataSource actual) {
    if (expected.has("type") && !expected.get("type").asText().equalsIgnoreCase(actual.kind().name())) {
      return "type expected " + expected.get("type").asText() + " got " + actual.kind();
    }
    if (expected.has("schema")) {
      List<String> want = columns(expected.get("schema").asText());
      List<String> got = actual.schema().columns().stream().map(Column::toString).toList();
      if (!want.equals(got)) {
        return "schema expected " + want + " got " + got;
      }
    }
    JsonNode keyFormat = expected.get("keyFormat");
    if (keyFormat != null) {
      if (keyFormat.has("format") && !keyFormat.get("format").asText().equalsIgnoreCase(actual.keyFormat())) {
        return "key format expected " + keyFormat.get("format").asText() + " got " + actual.keyFormat();
      }
      String windowType = actual.window() == null ? null : actual.window().type();
      if (keyFormat.has("windowType") && !keyFormat.get("windowType").asText().equals(windowType)) {
        return "window type expected " + keyFormat.get("windowType").asText() + " got " + windowType;
      }
      Long size = actual.window() == null ? null : actual.window().sizeMs();
      JsonNode wantSize = keyFormat.get("windowSize");
      Long expectedSize = wantSize == null || wantSize.isNull() ? null : wantSize.asLong();
      if (keyFormat.has("windowSize") && !java.util.Objects.equals(size, expectedSize)) {
        return "window size expected " + keyFormat.get("windowSize").asText() + " got " + size;
      }
    }
    JsonNode valueFormat = expected.get("valueFormat");
    if (valueFormat != null) {
      String want = valueFormat.isObject() ? valueFormat.path("format").asText() : valueFormat.asText();
      if (!want.equalsIgnoreCase(actual.valueFormat())) {
        return "value format expected " + want + " got " + actual.valueFormat();
      }
    }
    return null;
  }

  /** Parses an expected column list by reading it as the element list of a CREATE STREAM. */
  private static List<String> columns(String schema) {
    String normalized = schema.replaceAll("(?i)PRIMARY\\s+KEY", "KEY");
    String sql = "CREATE STREAM X (" + normalized + ") WITH (KAFKA_TOPIC='x', VALUE_FORMAT='JSON');";
    Statement.CreateSource create = (Statement.CreateSource) new StatementParser().parse(sql).get(0).statement();
    List<String> out = new ArrayList<>();
    for (Statement.TableElement e : create.elements()) {
      boolean key = e.constraint() == Statement.TableElement.Constraint.KEY;
      out.add(new Column(e.name(), e.type(), key ? Column.Namespace.KEY : Column.Namespace.VALUE).toString());
    }
    return out;
  }
}
