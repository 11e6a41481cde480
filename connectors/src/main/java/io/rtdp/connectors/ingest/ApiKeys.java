package io.rtdp.connectors.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;

/** The API keys a request may carry; none configured means no authentication. */
final class ApiKeys {
    private final List<byte[]> keys;

    private ApiKeys(List<byte[]> keys) {
        this.keys = keys;
    }

    static ApiKeys parse(String commaSeparated) {
        return new ApiKeys(Arrays.stream(commaSeparated == null ? new String[0] : commaSeparated.split(","))
                .map(String::trim).filter(k -> !k.isEmpty()).map(k -> k.getBytes(StandardCharsets.UTF_8)).toList());
    }

    boolean required() {
        return !keys.isEmpty();
    }

    /** Compared in constant time, so that response times do not leak how much of a key matched. */
    boolean accepts(String presented) {
        if (presented == null) {
            return false;
        }
        byte[] bytes = presented.getBytes(StandardCharsets.UTF_8);
        boolean match = false;
        for (byte[] key : keys) {
            match |= MessageDigest.isEqual(key, bytes);
        }
        return match;
    }
}
