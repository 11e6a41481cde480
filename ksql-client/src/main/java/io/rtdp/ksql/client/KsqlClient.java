package io.rtdp.ksql.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A client of the KSQL server's REST API (SPEC §4): statements through {@code POST /ksql}, queries
 * through {@code POST /query-stream} (collected when they end by themselves, or streamed row by row),
 * PRINT through {@code POST /query}, {@code /close-query}, {@code /info} and {@code /is_valid_property}.
 * One HTTP client, so connections are reused. HTTP/1.1 on purpose: the server takes it on every
 * endpoint used here, and closing a chunked HTTP/1.1 response really closes its connection.
 */
public final class KsqlClient {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String KSQL_JSON = "application/vnd.ksql.v1+json";
  private static final Duration INTERACTIVE_CONNECT_TIMEOUT = Duration.ofSeconds(10);

  private final URI server;
  private final Duration timeout;
  private final HttpClient http;
  private volatile boolean unreachable;
  private volatile boolean recovered;

  /** Requests without a deadline (a person waits, and can interrupt); a connection attempt gives up after 10 s. */
  public KsqlClient(URI server) {
    this(server, null, INTERACTIVE_CONNECT_TIMEOUT);
  }

  /** Every request, and every query that ends by itself, must be answered within {@code timeout}. */
  public KsqlClient(URI server, Duration timeout) {
    this(server, timeout, timeout);
  }

  private KsqlClient(URI server, Duration timeout, Duration connectTimeout) {
    this.server = server;
    this.timeout = timeout;
    this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).version(HttpClient.Version.HTTP_1_1).build();
  }

  public URI server() {
    return server;
  }

  /** True once after the server answered again following a time it could not be reached. */
  public boolean takeRecovered() {
    boolean was = recovered;
    recovered = false;
    return was;
  }

  /** Records whether the last request got an answer (any answer) from the server. */
  void reached(boolean answered) {
    if (answered && unreachable) {
      recovered = true;
    }
    unreachable = !answered;
  }

  /** {@code GET /info}: the server's answer, {@code {"KsqlServerInfo": {version, ksqlServiceId, serverStatus …}}}. */
  public JsonNode info() {
    return json(send(HttpRequest.newBuilder(server.resolve("/info")).GET()
        .header("Accept", KSQL_JSON + ", application/json")), "GET /info");
  }

  /** Runs statements on {@code POST /ksql}; the answer's entities, one per statement that returns one. */
  public List<JsonNode> execute(String statements, Map<String, ?> properties) {
    return execute(statements, properties, Map.of(), null);
  }

  /**
   * Runs statements on {@code POST /ksql} with the session's variables ({@code ${name}}) and, when
   * not null, the last command sequence number seen, so that they see the effects of earlier ones.
   */
  public List<JsonNode> execute(String statements, Map<String, ?> properties, Map<String, String> variables,
      Long commandSequenceNumber) {
    ObjectNode body = JSON.createObjectNode();
    body.put("ksql", statements);
    body.set("streamsProperties", JSON.valueToTree(properties));
    putVariables(body, variables);
    if (commandSequenceNumber != null) {
      body.put("commandSequenceNumber", commandSequenceNumber);
    }
    JsonNode answer = json(send(post("/ksql", body, KSQL_JSON + ", application/json")), statements);
    List<JsonNode> entities = new ArrayList<>();
    answer.forEach(entities::add);
    return entities;
  }

  /**
   * Runs a query that ends by itself (a pull query, or a push query with LIMIT) on
   * {@code POST /query-stream} and returns all its rows, within this client's timeout if it has one.
   */
  public QueryResult query(String sql, Map<String, ?> properties) {
    long deadline = timeout == null ? Long.MAX_VALUE : System.nanoTime() + timeout.toNanos();
    try (QueryStream stream = open(queryRequest(sql, properties, Map.of(), "application/json"), sql,
        StreamFraming.DELIMITED)) {
      return QueryResult.collect(stream, deadline, sql, server);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KsqlUnavailableException(server, e);
    }
  }

  /**
   * Starts a query on {@code POST /query-stream} and streams its result: each row is handed over as
   * it arrives, until the query ends by itself, fails, or the caller closes the stream (which stops
   * it on the server with {@code /close-query}). ksqlDB's StreamedRow framing is asked for: unlike
   * the delimited one it keeps table tombstones and the {@code Limit Reached} message. A refusal or
   * an unreachable server arrives as an event of the stream, so the caller can cancel from the moment
   * the request is sent.
   */
  public QueryStream stream(String sql, Map<String, ?> properties, Map<String, String> variables) {
    return open(queryRequest(sql, properties, variables, KSQL_JSON), sql, StreamFraming.STREAMED_ROWS);
  }

  /** {@code POST /query} for PRINT, whose output is text lines (SPEC §4.4), streamed like a query. */
  public QueryStream print(String statement, Map<String, ?> properties, Map<String, String> variables) {
    ObjectNode body = JSON.createObjectNode();
    body.put("ksql", statement);
    body.set("streamsProperties", JSON.valueToTree(properties));
    putVariables(body, variables);
    return open(post("/query", body, KSQL_JSON + ", application/json, */*"), statement, StreamFraming.TEXT);
  }

  /**
   * {@code GET /is_valid_property/NAME}: throws the server's error when it refuses the property
   * (deny-listed, server-only). A server without this endpoint (404) leaves the check to the next request.
   */
  public void validateProperty(String name) {
    String path = "/is_valid_property/" + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    HttpResponse<String> response = send(HttpRequest.newBuilder(server.resolve(path)).GET()
        .header("Accept", "application/json"));
    if (response.statusCode() != 404) {
      json(response, name);
    }
  }

  /** {@code POST /close-query}: stops a push query on the server; false when the server did not know it or was not reached. */
  public boolean closeQuery(String queryId) {
    ObjectNode body = JSON.createObjectNode();
    body.put("queryId", queryId);
    try {
      return http.send(withDeadline(post("/close-query", body, "application/json")),
          HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private HttpRequest.Builder queryRequest(String sql, Map<String, ?> properties, Map<String, String> variables,
      String accept) {
    ObjectNode body = JSON.createObjectNode();
    body.put("sql", sql);
    body.set("properties", JSON.valueToTree(properties));
    putVariables(body, variables);
    return post("/query-stream", body, accept);
  }

  private static void putVariables(ObjectNode body, Map<String, String> variables) {
    // Only when there are any: a server without variable support rejects the field even when empty.
    if (!variables.isEmpty()) {
      body.set("sessionVariables", JSON.valueToTree(variables));
    }
  }

  private HttpRequest.Builder post(String path, JsonNode body, String accept) {
    return HttpRequest.newBuilder(server.resolve(path))
        .header("Content-Type", "application/json")
        .header("Accept", accept)
        .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
  }

  private HttpRequest withDeadline(HttpRequest.Builder request) {
    return (timeout == null ? request : request.timeout(timeout)).build();
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response = http.send(withDeadline(request), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      reached(true);
      return response;
    } catch (IOException e) {
      reached(false);
      throw new KsqlUnavailableException(server, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KsqlUnavailableException(server, e);
    }
  }

  /** Streamed requests have no deadline: a push query runs until it is closed. */
  private QueryStream open(HttpRequest.Builder request, String what, StreamFraming framing) {
    HttpRequest built = request.build();
    return new QueryStream(this, built.uri().getPath(), what,
        http.sendAsync(built, HttpResponse.BodyHandlers.ofInputStream()), framing);
  }

  private static JsonNode json(HttpResponse<String> response, String request) {
    if (response.statusCode() / 100 != 2) {
      throw error(response.statusCode(), response.body(), response.request().uri().getPath(), request);
    }
    try {
      return JSON.readTree(response.body());
    } catch (JsonProcessingException e) {
      throw new KsqlServerException(response.statusCode(), null,
          "The server's answer is not JSON: " + abbreviate(response.body()), request);
    }
  }

  /** The error a non-2xx answer to {@code path} stands for. */
  static KsqlServerException error(int status, String text, String path, String request) {
    JsonNode body = null;
    try {
      body = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      // A plain-text error such as the router's "Not Found": reported below with the status.
    }
    if (body != null && body.isObject()) {
      return new KsqlServerException(status, body, "HTTP " + status + " from " + path, request);
    }
    String detail = text == null || text.isBlank() ? "" : ": " + abbreviate(text.strip());
    return new KsqlServerException(status, null, status == 404
        ? "The server does not offer " + path + " (HTTP 404" + detail + "); it may be an older version."
        : "HTTP " + status + " from " + path + detail, request);
  }

  private static String abbreviate(String text) {
    return text.length() > 300 ? text.substring(0, 300) + "…" : text;
  }
}
