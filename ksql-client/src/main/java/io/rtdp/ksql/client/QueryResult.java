package io.rtdp.ksql.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The rows of a query that ended, each a list of column values in {@code columnNames} order. */
public record QueryResult(String queryId, List<String> columnNames, List<String> columnTypes,
    List<List<JsonNode>> rows) {
  public QueryResult {
    columnNames = List.copyOf(columnNames);
    columnTypes = List.copyOf(columnTypes);
    rows = List.copyOf(rows);
  }

  /** Row {@code i} as column name → value. */
  public Map<String, JsonNode> row(int i) {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    List<JsonNode> values = rows.get(i);
    for (int c = 0; c < columnNames.size(); c++) {
      out.put(columnNames.get(c), values.get(c));
    }
    return out;
  }
}
