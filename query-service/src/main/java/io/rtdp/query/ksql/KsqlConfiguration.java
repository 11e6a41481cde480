package io.rtdp.query.ksql;

import java.net.URI;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MaxDuration;
import io.dropwizard.validation.MinDuration;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** Where the KSQL server answers (its REST API), how long the service waits for it, and what it asks of it. */
public class KsqlConfiguration {
    @NotNull
    @JsonProperty
    private URI url = URI.create("http://localhost:8088");

    /**
     * Bounds getting a pooled connection, connecting, each wait for a pull query's or statement's
     * answer bytes, and a push query until it runs; then 503.
     */
    @NotNull
    @MinDuration(value = 100, unit = TimeUnit.MILLISECONDS)
    @MaxDuration(value = 60, unit = TimeUnit.SECONDS)
    @JsonProperty
    private Duration timeout = Duration.seconds(2);

    /** How often an idle event stream sends a comment line: a browser that went away is noticed within it. */
    @NotNull
    @MinDuration(value = 50, unit = TimeUnit.MILLISECONDS)
    @MaxDuration(value = 5, unit = TimeUnit.MINUTES)
    @JsonProperty
    private Duration heartbeat = Duration.seconds(15);

    /** Event streams open at once; each runs a push query (a Kafka Streams application) on the KSQL server. */
    @Min(1)
    @JsonProperty
    private int maxEventStreams = 64;

    public URI url() {
        return url;
    }

    public Duration timeout() {
        return timeout;
    }

    public Duration heartbeat() {
        return heartbeat;
    }

    public int maxEventStreams() {
        return maxEventStreams;
    }
}
