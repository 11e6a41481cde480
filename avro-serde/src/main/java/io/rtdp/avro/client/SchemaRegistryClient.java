package io.rtdp.avro.client;

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
import java.util.concurrent.ConcurrentHashMap;

import org.apache.avro.Schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A client of the Confluent Schema Registry REST API that remembers what it learnt: ids never change
 * meaning, so schemas by id and ids by (subject, schema) are cached for the life of the client; the
 * latest version of a subject is cached for {@code latestTtl} only. Several URLs may be given, comma
 * separated: the next one is tried when one cannot be reached.
 */
public final class SchemaRegistryClient implements RegistryClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

    private record SubjectSchema(String subject, Schema schema) {
    }

    private record Timed(RegisteredSchema schema, long fetchedAtNanos) {
    }

    private record SubjectText(String subject, String schemaType, String schema) {
    }

    private final List<String> urls;
    private final HttpClient http;
    private final Duration latestTtl;
    private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();
    private final Map<SubjectSchema, Integer> registered = new ConcurrentHashMap<>();
    private final Map<SubjectSchema, Integer> lookedUp = new ConcurrentHashMap<>();
    private final Map<String, Timed> latest = new ConcurrentHashMap<>();
    private final Map<SubjectText, Integer> registeredText = new ConcurrentHashMap<>();
    private final Map<Integer, SchemaText> textsById = new ConcurrentHashMap<>();

    public SchemaRegistryClient(String urls, Duration latestTtl) {
        List<String> list = new ArrayList<>();
        for (String u : urls.split(",")) {
            if (!u.isBlank()) {
                list.add(u.trim().replaceAll("/+$", ""));
            }
        }
        if (list.isEmpty()) {
            throw new IllegalArgumentException("no schema registry URL given: set schema.registry.url, e.g. http://localhost:8081");
        }
        this.urls = List.copyOf(list);
        this.latestTtl = latestTtl;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    @Override
    public String urls() {
        return String.join(",", urls);
    }

    @Override
    public int register(String subject, Schema schema) {
        return registered.computeIfAbsent(new SubjectSchema(subject, schema), key -> {
            JsonNode answer = call("POST", "/subjects/" + encode(subject) + "/versions", schemaBody(schema));
            int id = answer.get("id").asInt();
            schemasById.putIfAbsent(id, schema);
            return id;
        });
    }

    @Override
    public int idOf(String subject, Schema schema) {
        return lookedUp.computeIfAbsent(new SubjectSchema(subject, schema), key -> {
            JsonNode answer = call("POST", "/subjects/" + encode(subject), schemaBody(schema));
            int id = answer.get("id").asInt();
            schemasById.putIfAbsent(id, schema);
            return id;
        });
    }

    @Override
    public Schema schemaById(int id) {
        return schemasById.computeIfAbsent(id, key -> parse(call("GET", "/schemas/ids/" + id, null).get("schema").asText()));
    }

    @Override
    public RegisteredSchema latest(String subject) {
        Timed cached = latest.get(subject);
        if (cached != null && System.nanoTime() - cached.fetchedAtNanos() < latestTtl.toNanos()) {
            return cached.schema();
        }
        JsonNode answer = call("GET", "/subjects/" + encode(subject) + "/versions/latest", null);
        Schema schema = parse(answer.get("schema").asText());
        RegisteredSchema found = new RegisteredSchema(answer.get("id").asInt(), answer.get("version").asInt(), schema);
        schemasById.putIfAbsent(found.id(), schema);
        latest.put(subject, new Timed(found, System.nanoTime()));
        return found;
    }

    @Override
    public int register(String subject, String schemaType, String schema) {
        return registeredText.computeIfAbsent(new SubjectText(subject, schemaType, schema), key -> {
            com.fasterxml.jackson.databind.node.ObjectNode body = JSON.createObjectNode().put("schema", schema);
            if (!schemaType.equals("AVRO")) {
                body.put("schemaType", schemaType);
            }
            return call("POST", "/subjects/" + encode(subject) + "/versions", body.toString()).get("id").asInt();
        });
    }

    @Override
    public SchemaText textById(int id) {
        return textsById.computeIfAbsent(id, key -> {
            JsonNode answer = call("GET", "/schemas/ids/" + id, null);
            return new SchemaText(id, 0, answer.path("schemaType").asText("AVRO"), answer.get("schema").asText());
        });
    }

    @Override
    public SchemaText latestText(String subject) {
        JsonNode answer = call("GET", "/subjects/" + encode(subject) + "/versions/latest", null);
        return new SchemaText(answer.get("id").asInt(), answer.get("version").asInt(),
                answer.path("schemaType").asText("AVRO"), answer.get("schema").asText());
    }

    private static Schema parse(String text) {
        return new Schema.Parser().parse(text);
    }

    private static String schemaBody(Schema schema) {
        return JSON.createObjectNode().put("schema", schema.toString()).toString();
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private JsonNode call(String method, String path, String body) {
        IOException lastFailure = null;
        for (String url : urls) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url + path))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", CONTENT_TYPE)
                    .header("Accept", CONTENT_TYPE)
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                    .build();
            HttpResponse<String> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                lastFailure = e;
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RegistryClientException(RegistryClientException.UNREACHABLE, "interrupted while calling " + url + path, e);
            }
            JsonNode answer;
            try {
                answer = JSON.readTree(response.body());
            } catch (IOException e) {
                throw new RegistryClientException(response.statusCode(), "the schema registry at " + url
                        + " answered " + method + " " + path + " with " + response.statusCode() + " and no JSON: " + response.body(), e);
            }
            if (response.statusCode() >= 300) {
                throw new RegistryClientException(answer.path("error_code").asInt(response.statusCode()),
                        answer.path("message").asText(response.body()) + " (error code " + answer.path("error_code").asInt()
                                + " from " + method + " " + url + path + ")", null);
            }
            return answer;
        }
        throw new RegistryClientException(RegistryClientException.UNREACHABLE, "cannot reach the schema registry at " + urls()
                + " (" + lastFailure + "): check schema.registry.url and that the registry runs", lastFailure);
    }
}
