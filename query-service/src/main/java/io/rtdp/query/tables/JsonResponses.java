package io.rtdp.query.tables;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Arrays;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

/**
 * Answers with a body and an ETag made from the body's bytes, so a client that polls gets a 304
 * without a body while nothing changed. The rows are read anyway: the tables are upserted by the
 * sink with no version column to compare, and a page is small.
 */
final class JsonResponses {
    private final ObjectMapper json;

    JsonResponses(ObjectMapper json) {
        this.json = json;
    }

    Response conditional(Request request, Object body) {
        byte[] bytes;
        try {
            bytes = json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a page of rows is always serializable", e);
        }
        EntityTag tag = new EntityTag(Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(sha256(bytes), 18)));
        CacheControl revalidate = new CacheControl();
        revalidate.setNoCache(true);
        Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
        if (notModified != null) {
            return notModified.cacheControl(revalidate).build();
        }
        return Response.ok(bytes, MediaType.APPLICATION_JSON_TYPE).tag(tag).cacheControl(revalidate).build();
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
