package io.rtdp.testkit;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The calls an operator makes to the Connect REST API, as a test makes them. */
public final class ConnectRestClient {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public ConnectRestClient(String baseUrl) {
        this.baseUrl = baseUrl.replaceAll("/$", "");
    }

    public String baseUrl() {
        return baseUrl;
    }

    public record Response(int status, JsonNode body) {
    }

    public Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET());
    }

    /** PUT /connectors/{name}/config: creates the connector, or updates its configuration. */
    public Response putConnectorConfig(String name, Map<String, String> config) {
        try {
            return send(HttpRequest.newBuilder(URI.create(baseUrl + "/connectors/" + name + "/config"))
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(config))));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public Response delete(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).DELETE());
    }

    /** Waits until the worker has joined its group and answers, as it does before it takes connectors. */
    public void awaitReady(Duration timeout) {
        awaitState("worker " + baseUrl, timeout, () -> get("/connectors").status() == 200);
    }

    /** Waits until the connector and all its tasks report RUNNING; fails at once when one FAILED. */
    public void awaitRunning(String connector, Duration timeout) {
        awaitState("connector " + connector, timeout, () -> {
            Response status = get("/connectors/" + connector + "/status");
            if (status.status() != 200) {
                return false;
            }
            JsonNode body = status.body();
            boolean running = "RUNNING".equals(body.path("connector").path("state").asText());
            for (JsonNode task : body.path("tasks")) {
                if ("FAILED".equals(task.path("state").asText())) {
                    throw new IllegalStateException("task of " + connector + " failed: " + task.path("trace").asText());
                }
                running &= "RUNNING".equals(task.path("state").asText());
            }
            return running && body.path("tasks").size() > 0;
        });
    }

    private interface Check {
        boolean done();
    }

    private static void awaitState(String what, Duration timeout, Check check) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (check.done()) {
                    return;
                }
            } catch (IllegalStateException e) {
                if (e.getCause() instanceof IOException) {
                    // not listening yet
                } else {
                    throw e;
                }
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException(what + " not ready within " + timeout.toSeconds() + " s");
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            return new Response(response.statusCode(), body == null || body.isBlank() ? JSON.nullNode() : JSON.readTree(body));
        } catch (IOException e) {
            throw new IllegalStateException("Connect REST call failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
