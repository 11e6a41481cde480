package io.rtdp.query.auth;

import java.util.List;

/** The WWW-Authenticate challenges of a 401: both ways in, so a client learns either. */
final class Challenges {
    private Challenges() {
    }

    static List<String> of(String realm) {
        return List.of("Basic realm=\"" + realm + "\", charset=\"UTF-8\"",
                "ApiKey realm=\"" + realm + "\", header=\"" + ApiKeyAuthFilter.HEADER + "\"");
    }
}
