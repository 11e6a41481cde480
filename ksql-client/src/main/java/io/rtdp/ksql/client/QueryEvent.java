package io.rtdp.ksql.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** One thing a running query or PRINT sends back, whatever framing the server chose (SPEC §4.4, §4.5). */
public sealed interface QueryEvent {
  /** The result's columns; {@code queryId} is what {@code /close-query} needs. */
  record Header(String queryId, List<String> columnNames, List<String> columnTypes) implements QueryEvent {}

  /** One result row; a table's deletion arrives as a tombstone that carries only the key values. */
  record Row(List<JsonNode> values, boolean tombstone) implements QueryEvent {}

  /** The server's last word on a query that ended by itself ({@code Limit Reached}, {@code Query Completed}). */
  record Final(String message) implements QueryEvent {}

  /** An error object the server wrote into the stream; the query is over. */
  record Failure(JsonNode error) implements QueryEvent {
    public String message() {
      return error.path("message").asText(error.toString());
    }
  }

  /** The server refused the query before it started (bad statement, unknown topic, no such endpoint). */
  record Rejected(KsqlServerException error) implements QueryEvent {}

  /** The server could not be reached at all. */
  record Unreachable(KsqlUnavailableException error) implements QueryEvent {}

  /** One line of PRINT output. */
  record Text(String line) implements QueryEvent {}

  /** The connection broke while the query ran. */
  record Broken(String reason) implements QueryEvent {}

  /** The response ended. */
  record End() implements QueryEvent {}

  /** The user cancelled (Ctrl-C); put in front of everything the server sent. */
  record Cancelled() implements QueryEvent {}
}
