package io.rtdp.query.auth;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Who may call the service: API keys (header {@value ApiKeyAuthFilter#HEADER}) and users (HTTP basic
 * auth). Secrets may come from the environment with {@code ${VARIABLE}} in the YAML file.
 */
public class AuthConfiguration {
    @NotBlank
    @JsonProperty
    private String realm = "rtdp";

    @NotNull
    @Valid
    @JsonProperty
    private List<ApiKey> apiKeys = List.of();

    @NotNull
    @Valid
    @JsonProperty
    private List<User> users = List.of();

    public String realm() {
        return realm;
    }

    public List<ApiKey> apiKeys() {
        return apiKeys;
    }

    public List<User> users() {
        return users;
    }

    public record ApiKey(@NotBlank String name, @NotNull @Size(min = 16, message = "must have at least 16 characters") String key,
            @NotNull List<@NotBlank String> roles) {
    }

    public record User(@NotBlank String name, @NotNull @Size(min = 8, message = "must have at least 8 characters") String password,
            @NotNull List<@NotBlank String> roles) {
    }
}
