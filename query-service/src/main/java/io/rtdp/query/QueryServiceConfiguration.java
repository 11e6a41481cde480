package io.rtdp.query;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.core.Configuration;
import io.dropwizard.db.DataSourceFactory;
import io.rtdp.query.auth.AuthConfiguration;
import io.rtdp.query.ksql.KsqlConfiguration;
import io.rtdp.query.live.LiveSourceConfiguration;
import io.rtdp.query.tables.LimitsConfiguration;
import io.rtdp.query.tables.TableConfiguration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** The service's YAML configuration; config.yml beside the module documents each key. */
public class QueryServiceConfiguration extends Configuration {
    @Valid
    @NotNull
    @JsonProperty
    private DataSourceFactory database = new DataSourceFactory();

    @Valid
    @NotNull
    @JsonProperty
    private KsqlConfiguration ksql = new KsqlConfiguration();

    @Valid
    @NotNull
    @JsonProperty
    private AuthConfiguration auth = new AuthConfiguration();

    @Valid
    @NotNull
    @JsonProperty
    private LimitsConfiguration limits = new LimitsConfiguration();

    /** API name (the path segment after /v1/) → table; /v1/live belongs to the live sources. */
    @Valid
    @NotNull
    @JsonProperty
    private Map<@Pattern(regexp = "(?!live$)[a-z][a-z0-9_]{0,62}",
            message = "must be lower case letters, digits and _, and not live (/v1/live serves the live sources)")
            String, @Valid @NotNull TableConfiguration> tables = new LinkedHashMap<>();

    /** API name (the path segment after /v1/live/) → KSQL table or stream. */
    @Valid
    @NotNull
    @JsonProperty
    private Map<@Pattern(regexp = "[a-z][a-z0-9_]{0,62}", message = "must be lower case letters, digits and _")
            String, @Valid @NotNull LiveSourceConfiguration> live = new LinkedHashMap<>();

    public DataSourceFactory database() {
        return database;
    }

    public KsqlConfiguration ksql() {
        return ksql;
    }

    public AuthConfiguration auth() {
        return auth;
    }

    public LimitsConfiguration limits() {
        return limits;
    }

    public Map<String, TableConfiguration> tables() {
        return tables;
    }

    public Map<String, LiveSourceConfiguration> live() {
        return live;
    }
}
