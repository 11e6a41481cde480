package io.rtdp.query.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

import io.dropwizard.auth.basic.BasicCredentials;

/**
 * The configured API keys and users. Secrets are compared as SHA-256 digests in constant time,
 * over every entry, so that neither timing nor the position of a match tells anything about them.
 */
public final class CallerDirectory {
    private record Entry(String name, byte[] secretDigest, Caller caller) {
    }

    private final List<Entry> apiKeys = new ArrayList<>();
    private final List<Entry> users = new ArrayList<>();

    public CallerDirectory(AuthConfiguration configuration) {
        configuration.apiKeys().forEach(key -> apiKeys.add(
                new Entry(key.name(), digest(key.key()), new Caller(key.name(), new HashSet<>(key.roles())))));
        configuration.users().forEach(user -> users.add(
                new Entry(user.name(), digest(user.password()), new Caller(user.name(), new HashSet<>(user.roles())))));
    }

    public Optional<Caller> byApiKey(String key) {
        byte[] presented = digest(key);
        Caller found = null;
        for (Entry entry : apiKeys) {
            if (MessageDigest.isEqual(entry.secretDigest(), presented)) {
                found = entry.caller();
            }
        }
        return Optional.ofNullable(found);
    }

    public Optional<Caller> byPassword(BasicCredentials credentials) {
        byte[] presented = digest(credentials.getPassword());
        Caller found = null;
        for (Entry entry : users) {
            if (MessageDigest.isEqual(entry.secretDigest(), presented) && entry.name().equals(credentials.getUsername())) {
                found = entry.caller();
            }
        }
        return Optional.ofNullable(found);
    }

    /** The caller of an {@code X-API-Key} or {@code Authorization: Basic} header, as the admin port sees them. */
    public Optional<Caller> fromHeaders(String apiKey, String authorization) {
        if (apiKey != null) {
            return byApiKey(apiKey);
        }
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
            int colon = decoded.indexOf(':');
            if (colon > 0) {
                return byPassword(new BasicCredentials(decoded.substring(0, colon), decoded.substring(colon + 1)));
            }
        }
        return Optional.empty();
    }

    private static byte[] digest(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
