package io.rtdp.query.errors;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The error shape for failures Jetty answers itself, before or outside Jersey (malformed or
 * ambiguous URIs, unknown admin paths, servlet errors): JSON instead of an HTML page, no stacks.
 */
final class JettyErrorBodies {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JettyErrorBodies() {
    }

    static void write(Response response, Callback callback, int status, String message) {
        String reason = HttpStatus.getMessage(status);
        String code = reason.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
        String text = message == null || message.isBlank() || message.matches("\\d+") ? reason : message;
        byte[] body;
        try {
            body = JSON.writeValueAsBytes(ApiError.of(code, text));
        } catch (JsonProcessingException e) {
            body = ("{\"code\":\"" + code + "\",\"message\":\"" + reason + "\",\"details\":[]}").getBytes(StandardCharsets.UTF_8);
        }
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
    }
}
