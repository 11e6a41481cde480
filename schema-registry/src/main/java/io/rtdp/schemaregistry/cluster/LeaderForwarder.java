package io.rtdp.schemaregistry.cluster;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import io.rtdp.schemaregistry.api.RestResponse;

/** Sends a write that reached a follower on to the leader, and hands back the leader's answer. */
public final class LeaderForwarder {
    /** Marks a forwarded request, so that an instance that is not the leader (any more) never forwards it again. */
    public static final String FORWARDED_HEADER = "X-Rtdp-Registry-Forwarded";

    private final HttpClient http;
    private final Duration timeout;

    public LeaderForwarder(Duration timeout) {
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    public RestResponse forward(String leaderUrl, String method, String pathAndQuery, String body) throws IOException {
        HttpRequest.BodyPublisher publisher = body == null || body.isEmpty()
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body);
        HttpRequest request = HttpRequest.newBuilder(URI.create(leaderUrl + pathAndQuery))
                .timeout(timeout)
                .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                .header("Accept", "application/vnd.schemaregistry.v1+json")
                .header(FORWARDED_HEADER, "true")
                .method(method, publisher)
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new RestResponse(response.statusCode(), response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while forwarding to " + leaderUrl, e);
        }
    }
}
