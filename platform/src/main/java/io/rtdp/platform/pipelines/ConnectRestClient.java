package io.rtdp.platform.pipelines;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The part of Kafka Connect's REST API the pipelines need: create or update a connector. */
final class ConnectRestClient {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What a PUT of a configuration did. */
    enum Outcome { CREATED, UPDATED }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;

    ConnectRestClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /**
     * PUT /connectors/{name}/config: creates the connector or replaces its configuration (the worker
     * restarts it only when the configuration changed), so applying the same file again is harmless.
     */
    Outcome put(String name, Map<String, String> config) throws PipelineException {
        String url = baseUrl + "/connectors/" + URLEncoder.encode(name, StandardCharsets.UTF_8) + "/config";
        HttpResponse<String> response;
        try {
            response = http.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(config)))
                    .build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new PipelineException("Kafka Connect at " + baseUrl + " did not answer: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PipelineException("interrupted while configuring connector " + name);
        }
        return switch (response.statusCode()) {
            case 201 -> Outcome.CREATED;
            case 200 -> Outcome.UPDATED;
            default -> throw new PipelineException("Kafka Connect refused it (HTTP " + response.statusCode() + "): "
                    + message(response.body()));
        };
    }

    /** Connect's error body is {"error_code":…,"message":…}; the message is what an operator needs. */
    private static String message(String body) {
        try {
            JsonNode node = JSON.readTree(body);
            return node.path("message").asText(body);
        } catch (IOException notJson) {
            return body;
        }
    }
}
