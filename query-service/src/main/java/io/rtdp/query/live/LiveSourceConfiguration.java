package io.rtdp.query.live;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * One KSQL table or stream served under {@code /v1/live/<name>}, as declared in the configuration.
 * Its names are plain KSQL identifiers, written into statements between back-ticks, so they are
 * case-sensitive: give them as SHOW TABLES / DESCRIBE show them (usually upper case).
 */
public class LiveSourceConfiguration {
    static final String IDENTIFIER = "[A-Za-z_][A-Za-z0-9_]*";
    private static final String IDENTIFIER_MESSAGE = "must be a KSQL identifier (letters, digits, _; not a digit first)";

    /** A table materialized by a persistent query (pull queries and events), or a stream (events only). */
    public enum Kind { TABLE, STREAM }

    @NotBlank
    @Pattern(regexp = IDENTIFIER, message = IDENTIFIER_MESSAGE)
    @JsonProperty
    private String source;

    @NotNull
    @JsonProperty
    private Kind kind = Kind.TABLE;

    @NotBlank
    @Pattern(regexp = IDENTIFIER, message = IDENTIFIER_MESSAGE)
    @JsonProperty
    private String key;

    @NotNull
    @JsonProperty
    private KeyType keyType = KeyType.STRING;

    /** A windowed table: a key has one row per window, selected by from/to on WINDOWSTART. */
    @JsonProperty
    private boolean windowed;

    @JsonProperty
    private List<@NotBlank String> roles = List.of();

    @JsonProperty
    private String description = "";

    @JsonIgnore
    @AssertTrue(message = "only a table can be windowed (kind: table)")
    public boolean isWindowedOnlyForTables() {
        return !windowed || kind == Kind.TABLE;
    }

    public String source() {
        return source;
    }

    public Kind kind() {
        return kind;
    }

    public String key() {
        return key;
    }

    public KeyType keyType() {
        return keyType;
    }

    public boolean windowed() {
        return windowed;
    }

    public List<String> roles() {
        return roles;
    }

    public String description() {
        return description;
    }
}
