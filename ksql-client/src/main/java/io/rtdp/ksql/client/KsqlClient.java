package io.rtdp.ksql.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A client of the KSQL server's REST API (SPEC §4): statements through {@code POST /ksql}, queries
 * that end by themselves (pull queries, push queries with LIMIT) through {@code POST /query-stream}.
 * One HTTP client, so connections are reused; every request has a deadline.
 */
public final class KsqlClient {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String KSQL_MEDIA_TYPE = "application/vnd.ksql.v1+json";

  private final URI server;
  private final Duration timeout;
  private final HttpClient http;

  public KsqlClient(URI server, Duration timeout) {
    this.server = server;
    this.timeout = timeout;
    this.http = HttpClient.newBuilder().connectTimeout(timeout).version(HttpClient.Version.HTTP_1_1).build();
  }

  public URI server() {
    return server;
  }

  /** {@code GET /info}: the server's KsqlServerInfo object. */
  public JsonNode info() {
    return send(HttpRequest.newBuilder(server.resolve("/info")).GET(), "GET /info");
  }

  /** Runs statements on {@code POST /ksql}; the answer's entities, one per statement that returns one. */
  public List<JsonNode> execute(String statements, Map<String, ?> properties) {
    ObjectNode body = JSON.createObjectNode();
    body.put("ksql", statements);
    body.set("streamsProperties", JSON.valueToTree(properties));
    JsonNode answer = send(post("/ksql", body).header("Accept", KSQL_MEDIA_TYPE)
        .header("Content-Type", KSQL_MEDIA_TYPE), statements);
    List<JsonNode> entities = new ArrayList<>();
    answer.forEach(entities::add);
    return entities;
  }

  /**
   * Runs a query that ends by itself (a pull query, or a push query with LIMIT) on
   * {@code POST /query-stream} and returns all its rows.
   */
  public QueryResult query(String sql, Map<String, ?> properties) {
    ObjectNode body = JSON.createObjectNode();
    body.put("sql", sql);
    body.set("properties", JSON.valueToTree(properties));
    JsonNode answer = send(post("/query-stream", body).header("Accept", "application/json")
        .header("Content-Type", "application/json"), sql);
    if (!answer.isArray() || answer.isEmpty() || !answer.get(0).has("columnNames")) {
      throw new KsqlServerException(200, 0, "The server's answer is not a query result: " + answer, sql);
    }
    JsonNode meta = answer.get(0);
    List<List<JsonNode>> rows = new ArrayList<>();
    for (int i = 1; i < answer.size(); i++) {
      JsonNode element = answer.get(i);
      if (element.isObject()) {
        throw KsqlServerException.of(200, element, sql);
      }
      List<JsonNode> row = new ArrayList<>();
      element.forEach(row::add);
      rows.add(row);
    }
    return new QueryResult(meta.path("queryId").asText(null), strings(meta.get("columnNames")),
        strings(meta.get("columnTypes")), rows);
  }

  private HttpRequest.Builder post(String path, JsonNode body) {
    try {
      return HttpRequest.newBuilder(server.resolve(path))
          .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Cannot write the request body: " + e.getMessage(), e);
    }
  }

  private JsonNode send(HttpRequest.Builder request, String what) {
    HttpResponse<String> response;
    try {
      response = http.send(request.timeout(timeout).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new KsqlUnavailableException("The KSQL server at " + server + " did not answer (" + e + ")."
          + " Check that it runs (./rtdp status) and that the URL is right.", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KsqlUnavailableException("Interrupted while waiting for the KSQL server at " + server, e);
    }
    JsonNode body;
    try {
      body = JSON.readTree(response.body());
    } catch (JsonProcessingException e) {
      throw new KsqlServerException(response.statusCode(), 0, "The KSQL server at " + server
          + " answered HTTP " + response.statusCode() + " with a body that is not JSON: " + response.body(), what);
    }
    if (response.statusCode() / 100 != 2) {
      throw KsqlServerException.of(response.statusCode(), body, what);
    }
    return body;
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    if (array != null) {
      array.forEach(n -> out.add(n.asText()));
    }
    return out;
  }
}
