package io.rtdp.query.ksql;

import java.net.URI;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MaxDuration;
import io.dropwizard.validation.MinDuration;
import jakarta.validation.constraints.NotNull;

/** Where the KSQL server answers (its REST API), and how long the service waits for it. */
public class KsqlConfiguration {
    @NotNull
    @JsonProperty
    private URI url = URI.create("http://localhost:8088");

    @NotNull
    @MinDuration(value = 100, unit = TimeUnit.MILLISECONDS)
    @MaxDuration(value = 60, unit = TimeUnit.SECONDS)
    @JsonProperty
    private Duration timeout = Duration.seconds(2);

    public URI url() {
        return url;
    }

    public Duration timeout() {
        return timeout;
    }
}
