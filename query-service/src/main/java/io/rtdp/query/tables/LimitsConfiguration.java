package io.rtdp.query.tables;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MinDuration;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** How much one request may ask of PostgreSQL, and what a client is told when it cannot answer. */
public class LimitsConfiguration {
    @Min(1)
    @JsonProperty
    private int defaultPageSize = 100;

    @Min(1)
    @Max(100_000)
    @JsonProperty
    private int maxPageSize = 1000;

    /**
     * The longest a request waits for PostgreSQL, pool and connection included; then it is answered
     * 503 and its statement cancelled.
     */
    @NotNull
    @MinDuration(value = 1, unit = java.util.concurrent.TimeUnit.SECONDS)
    @JsonProperty
    private Duration queryTimeout = Duration.seconds(5);

    /** The Retry-After of a 503. */
    @NotNull
    @MinDuration(value = 1, unit = java.util.concurrent.TimeUnit.SECONDS)
    @JsonProperty
    private Duration retryAfter = Duration.seconds(5);

    public int defaultPageSize() {
        return Math.min(defaultPageSize, maxPageSize);
    }

    public int maxPageSize() {
        return maxPageSize;
    }

    public Duration queryTimeout() {
        return queryTimeout;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
