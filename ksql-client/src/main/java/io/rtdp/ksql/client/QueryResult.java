package io.rtdp.ksql.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
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

  /**
   * Reads a query's stream to its end ({@code deadline} on {@link System#nanoTime()}'s clock), and
   * throws how it failed instead: the server's refusal or error, or an unreachable or broken server.
   */
  static QueryResult collect(QueryStream stream, long deadline, String sql, URI server) throws InterruptedException {
    QueryEvent.Header header = null;
    List<List<JsonNode>> rows = new ArrayList<>();
    while (true) {
      long left = deadline - System.nanoTime();
      QueryEvent event = left > 0 ? stream.next(Duration.ofNanos(left)) : null;
      if (event == null) {
        throw new KsqlUnavailableException(server, new HttpTimeoutException("the query did not end in time: " + sql));
      } else if (event instanceof QueryEvent.Header h) {
        header = h;
      } else if (event instanceof QueryEvent.Row r) {
        rows.add(r.values());
      } else if (event instanceof QueryEvent.Failure f) {
        throw new KsqlServerException(200, f.error(), f.message(), sql);
      } else if (event instanceof QueryEvent.Rejected r) {
        throw r.error();
      } else if (event instanceof QueryEvent.Unreachable u) {
        throw u.error();
      } else if (event instanceof QueryEvent.Broken b) {
        throw new KsqlUnavailableException(server, new IOException("the answer to " + sql + " broke off: " + b.reason()));
      } else if (event instanceof QueryEvent.End) {
        if (header == null) {
          throw new KsqlServerException(200, null, "The server's answer to " + sql + " is not a query result", sql);
        }
        return new QueryResult(header.queryId(), header.columnNames(), header.columnTypes(), rows);
      }
      // Final messages ("Query Completed") add nothing to the rows.
    }
  }
}
