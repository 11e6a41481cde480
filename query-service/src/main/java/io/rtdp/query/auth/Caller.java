package io.rtdp.query.auth;

import java.security.Principal;
import java.util.Set;

/** Who sent a request (an API key's or a user's name) and the roles it holds. */
public record Caller(String name, Set<String> roles) implements Principal {
    public static final String ADMIN_ROLE = "admin";

    public Caller {
        roles = Set.copyOf(roles);
    }

    @Override
    public String getName() {
        return name;
    }

    public boolean hasAnyRole(Set<String> required) {
        return required.isEmpty() || required.stream().anyMatch(roles::contains);
    }
}
