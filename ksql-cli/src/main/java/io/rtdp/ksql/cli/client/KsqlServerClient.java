package io.rtdp.ksql.cli.client;

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
import java.util.Map;

/**
 * The REST calls the CLI makes (SPEC §4): statements to {@code /ksql}, queries to
 * {@code /query-stream}, PRINT to {@code /query}. HTTP/1.1 on purpose: the server takes it on every
 * endpoint the CLI uses, and closing a chunked HTTP/1.1 response really closes its connection.
 */
public final class KsqlServerClient {
  public static final ObjectMapper JSON = new ObjectMapper();
  private static final String KSQL_JSON = "application/vnd.ksql.v1+json";

  private final URI server;
  private final HttpClient http;
  private volatile boolean unreachable;
  private volatile boolean recovered;

  public KsqlServerClient(URI server) {
    this.server = server;
    this.http = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10))
        .build();
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

  /** {@code GET /info}: the {@code KsqlServerInfo} object (version, serverStatus, …). */
  public JsonNode info() throws KsqlServerException, ServerUnreachableException {
    HttpRequest request = HttpRequest.newBuilder(server.resolve("/info")).GET()
        .header("Accept", KSQL_JSON + ", application/json").build();
    return json(send(request)).path("KsqlServerInfo");
  }

  /** {@code POST /ksql}: the entities of the statements, one per statement that has output. */
  public JsonNode ksql(String statements, Map<String, String> properties, Map<String, String> variables,
      Long commandSequenceNumber) throws KsqlServerException, ServerUnreachableException {
    ObjectNode body = JSON.createObjectNode();
    body.put("ksql", statements);
    body.set("streamsProperties", JSON.valueToTree(properties));
    putVariables(body, variables);
    if (commandSequenceNumber != null) {
      body.put("commandSequenceNumber", commandSequenceNumber);
    }
    return json(send(post("/ksql", body, KSQL_JSON + ", application/json")));
  }

  /**
   * {@code POST /query-stream} asking for ksqlDB's StreamedRow framing: unlike the delimited one it
   * keeps table tombstones and the {@code Limit Reached} message, and the query id in its header
   * still lets {@code /close-query} stop the query. Refusals and an unreachable server arrive as
   * events of the stream, so that Ctrl-C works from the moment the request is sent.
   */
  public QueryStream query(String sql, Map<String, String> properties, Map<String, String> variables) {
    ObjectNode body = JSON.createObjectNode();
    body.put("sql", sql);
    body.set("properties", JSON.valueToTree(properties));
    putVariables(body, variables);
    return stream(post("/query-stream", body, KSQL_JSON), StreamFraming.STREAMED_ROWS);
  }

  /** {@code POST /query} for PRINT, whose output is text lines (SPEC §4.4). Refusals arrive as events of the stream. */
  public QueryStream print(String statement, Map<String, String> properties, Map<String, String> variables) {
    ObjectNode body = JSON.createObjectNode();
    body.put("ksql", statement);
    body.set("streamsProperties", JSON.valueToTree(properties));
    putVariables(body, variables);
    return stream(post("/query", body, KSQL_JSON + ", application/json, */*"), StreamFraming.TEXT);
  }

  /**
   * {@code GET /is_valid_property/NAME}: throws the server's error when it refuses the property
   * (deny-listed, server-only). A server without this endpoint (404) leaves the check to the next request.
   */
  public void validateProperty(String name) throws KsqlServerException, ServerUnreachableException {
    URI uri = server.resolve("/is_valid_property/" + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"));
    HttpResponse<String> response = send(HttpRequest.newBuilder(uri).GET().header("Accept", "application/json").build());
    if (response.statusCode() != 404) {
      json(response);
    }
  }

  /** {@code POST /close-query}: stops a push query on the server; false when the server did not know it. */
  public boolean closeQuery(String queryId) {
    ObjectNode body = JSON.createObjectNode();
    body.put("queryId", queryId);
    try {
      return http.send(post("/close-query", body, "application/json"), HttpResponse.BodyHandlers.discarding())
          .statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static void putVariables(ObjectNode body, Map<String, String> variables) {
    // Only when there are any: a server without variable support rejects the field even when empty.
    if (!variables.isEmpty()) {
      body.set("sessionVariables", JSON.valueToTree(variables));
    }
  }

  private HttpRequest post(String path, JsonNode body, String accept) {
    return HttpRequest.newBuilder(server.resolve(path))
        .header("Content-Type", "application/json")
        .header("Accept", accept)
        .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8))
        .build();
  }

  private HttpResponse<String> send(HttpRequest request) throws ServerUnreachableException {
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      reached(true);
      return response;
    } catch (IOException e) {
      reached(false);
      throw new ServerUnreachableException(server, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ServerUnreachableException(server, e);
    }
  }

  private QueryStream stream(HttpRequest request, StreamFraming requested) {
    return new QueryStream(this, request.uri().getPath(),
        http.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream()), requested);
  }

  private static JsonNode json(HttpResponse<String> response) throws KsqlServerException {
    if (response.statusCode() / 100 != 2) {
      throw error(response.statusCode(), response.body(), response.request().uri().getPath());
    }
    try {
      return JSON.readTree(response.body());
    } catch (JsonProcessingException e) {
      throw new KsqlServerException(response.statusCode(), null,
          "The server's answer is not JSON: " + abbreviate(response.body()));
    }
  }

  /** The error a non-2xx answer to {@code path} stands for. */
  static KsqlServerException error(int status, String text, String path) {
    JsonNode body = null;
    try {
      body = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      // A plain-text error such as the router's "Not Found": reported below with the status.
    }
    if (body != null && body.isObject()) {
      return new KsqlServerException(status, body, "HTTP " + status + " from " + path);
    }
    String detail = text == null || text.isBlank() ? "" : ": " + abbreviate(text.strip());
    return new KsqlServerException(status, null, status == 404
        ? "The server does not offer " + path + " (HTTP 404" + detail + "); it may be an older version."
        : "HTTP " + status + " from " + path + detail);
  }

  private static String abbreviate(String text) {
    return text.length() > 300 ? text.substring(0, 300) + "…" : text;
  }
}
