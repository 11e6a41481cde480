package io.rtdp.ksql.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What a ksqlDB user's script does: plain HTTP/1.1 calls with JSON bodies. */
final class KsqlRestClient {
  static final ObjectMapper JSON = new ObjectMapper();

  record Answer(int status, String contentType, JsonNode body, String raw) {}

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final String url;

  KsqlRestClient(String url) {
    this.url = url;
  }

  Answer ksql(String statements) throws IOException, InterruptedException {
    return ksql(statements, Map.of("ksql.streams.auto.offset.reset", "earliest"));
  }

  Answer ksql(String statements, Map<String, Object> streamsProperties) throws IOException, InterruptedException {
    String body = JSON.writeValueAsString(Map.of("ksql", statements, "streamsProperties", streamsProperties));
    return post("/ksql", body, "application/vnd.ksql.v1+json");
  }

  /** The rows of a pull query sent to /query, each as its JSON columns array; fails on an error answer. */
  /** The rows of a pull query on /query, each its columns as JSON text. */
  List<String> pullRows(String sql) throws IOException, InterruptedException {
    return rows(pull(sql));
  }

  /** A pull query's whole answer on /query (header, rows); anything but 200 fails the test. */
  JsonNode pull(String sql) throws IOException, InterruptedException {
    Answer a = post("/query", JSON.writeValueAsString(Map.of("ksql", sql)), "application/json");
    if (a.status() != 200) {
      throw new AssertionError("Pull query " + sql + " answered " + a.status() + ": " + a.raw());
    }
    return JSON.readTree(a.raw());
  }

  /** The rows of a /query answer, each its columns as JSON text. */
  static List<String> rows(JsonNode response) {
    List<String> rows = new ArrayList<>();
    for (JsonNode e : response) {
      if (e.has("row")) {
        rows.add(e.get("row").get("columns").toString());
      }
    }
    return rows;
  }

  Answer post(String path, String body, String contentType) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(URI.create(url + path)).header("Content-Type", contentType)
        .header("Accept", "application/vnd.ksql.v1+json").POST(HttpRequest.BodyPublishers.ofString(body)).build());
  }

  Answer get(String path) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(URI.create(url + path)).GET().build());
  }

  private Answer send(HttpRequest request) throws IOException, InterruptedException {
    HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
    String type = r.headers().firstValue("Content-Type").orElse("");
    JsonNode body = type.startsWith("application/json") ? JSON.readTree(r.body()) : null;
    return new Answer(r.statusCode(), type, body, r.body());
  }
}
