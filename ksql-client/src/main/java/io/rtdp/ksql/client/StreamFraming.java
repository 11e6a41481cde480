package io.rtdp.ksql.client;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Turns a streamed response into events. Three framings exist (SPEC §4.4/§4.5): the StreamedRow
 * array ({@code [{"header":…},\n{"row":…},\n…]}), the delimited documents (metadata object, then
 * one array per row, newline-separated or as the elements of one JSON array), and PRINT's plain
 * text lines.
 *
 * <p>The JSON framings are read value by value, not line by line: a server writes the separator
 * before the next element rather than after the last one, so a row's line is only complete once
 * the following row exists, and a line reader would show every row one row late.
 */
public enum StreamFraming {
  STREAMED_ROWS, DELIMITED, TEXT;

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The framing of a response with this Content-Type to a request for {@code requested}. */
  public static StreamFraming of(String contentType, StreamFraming requested) {
    if (requested == TEXT || contentType == null) {
      return requested;
    }
    if (contentType.contains("vnd.ksql.v1+json")) {
      return STREAMED_ROWS;
    }
    return contentType.contains("delimited") || contentType.contains("application/json") ? DELIMITED : requested;
  }

  /**
   * Reads the whole response, handing each event over the moment its value is complete. A response
   * that stops inside a value or an unclosed array throws {@link JsonEOFException}: the server
   * always closes the array, even when a query is closed, so the connection broke.
   */
  public void read(InputStream body, Consumer<QueryEvent> events) throws IOException {
    if (this == TEXT) {
      BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
      String line;
      while ((line = lines.readLine()) != null) {
        if (!line.isBlank()) {
          events.accept(new QueryEvent.Text(line));
        }
      }
      return;
    }
    try (JsonParser parser = JSON.createParser(body)) {
      JsonToken token = parser.nextToken();
      if (token == JsonToken.START_ARRAY) {
        // One array around all elements (StreamedRow, or application/json's [{metadata},[row],…]).
        while ((token = parser.nextToken()) != null && token != JsonToken.END_ARRAY) {
          emit(decode(parser.readValueAsTree()), events);
        }
        return;
      }
      while (token != null) {
        emit(decode(parser.readValueAsTree()), events);
        token = parser.nextToken();
      }
    }
  }

  private QueryEvent decode(JsonNode node) {
    return this == DELIMITED ? delimited(node) : streamedRow(node);
  }

  private static void emit(QueryEvent event, Consumer<QueryEvent> events) {
    if (event != null) {
      events.accept(event);
    }
  }

  private static QueryEvent delimited(JsonNode node) {
    if (node.isArray()) {
      return new QueryEvent.Row(values(node), false);
    }
    if (node.has("columnNames")) {
      return new QueryEvent.Header(node.path("queryId").asText(null), texts(node.get("columnNames")),
          texts(node.path("columnTypes")));
    }
    return new QueryEvent.Failure(node);
  }

  private static QueryEvent streamedRow(JsonNode node) {
    if (node.has("header")) {
      JsonNode header = node.get("header");
      List<String> names = new ArrayList<>();
      List<String> types = new ArrayList<>();
      for (String column : SchemaText.columns(header.path("schema").asText(""))) {
        int split = SchemaText.nameEnd(column);
        names.add(SchemaText.unquote(column.substring(0, split)));
        types.add(column.substring(split).strip());
      }
      return new QueryEvent.Header(header.path("queryId").asText(null), names, types);
    }
    if (node.has("row")) {
      JsonNode row = node.get("row");
      return new QueryEvent.Row(values(row.path("columns")), row.path("tombstone").asBoolean(false));
    }
    if (node.has("finalMessage")) {
      return new QueryEvent.Final(node.get("finalMessage").asText());
    }
    if (node.has("errorMessage")) {
      return new QueryEvent.Failure(node.get("errorMessage"));
    }
    if (node.has("error_code") || node.has("message")) {
      return new QueryEvent.Failure(node);
    }
    // sourceHost, consistencyToken, continuationToken: extras for HA that a single CLI has no use for.
    return null;
  }

  private static List<JsonNode> values(JsonNode array) {
    List<JsonNode> values = new ArrayList<>();
    array.forEach(values::add);
    return values;
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(n -> texts.add(n.asText()));
    return texts;
  }
}
