package io.rtdp.query.tables;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;

/**
 * One result table served as {@code GET /v1/<api name>}, as declared in the configuration. Every
 * name here is checked against PostgreSQL's catalog at start-up; nothing else ever becomes SQL.
 */
public class TableConfiguration {
    /** The table or view, optionally schema-qualified ({@code rtdp.device_stats_1m}). */
    @NotBlank
    @JsonProperty
    private String table;

    /** The column(s) a row is looked up by; with {@link #time} they must be unique and NOT NULL. */
    @NotEmpty
    @JsonProperty
    private List<@NotBlank String> keys;

    /** The column time ranges apply to (timestamptz, timestamp, date, or bigint epoch milliseconds). */
    @JsonProperty
    private String time;

    /** The columns a response shows, in this order. */
    @NotEmpty
    @JsonProperty
    private List<@NotBlank String> columns;

    /** Roles a caller needs one of; empty: any authenticated caller. */
    @JsonProperty
    private List<@NotBlank String> roles = List.of();

    @JsonProperty
    private String description = "";

    public String table() {
        return table;
    }

    public List<String> keys() {
        return keys;
    }

    public String time() {
        return time;
    }

    public List<String> columns() {
        return columns;
    }

    public List<String> roles() {
        return roles;
    }

    public String description() {
        return description;
    }
}
