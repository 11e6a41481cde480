package io.rtdp.query.live;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.codahale.metrics.health.HealthCheck;
import com.fasterxml.jackson.databind.JsonNode;
import io.rtdp.query.ksql.KsqlClient;
import io.rtdp.query.ksql.KsqlErrorException;
import io.rtdp.query.ksql.KsqlUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks the configured live sources against the KSQL server's catalog ({@code DESCRIBE} each):
 * the source exists, is of the declared kind, has the declared key column with the declared type,
 * and is windowed as declared. Otherwise every request to it would fail with a 502. A mismatch
 * of a source the KSQL server has, found at start-up, stops the service. A KSQL server that cannot
 * be reached then does not, nor do sources it does not have yet: the service serves PostgreSQL
 * alone and may start before the KSQL server and before the pipelines that create the sources
 * ({@code ./rtdp up} applies them once every server runs). This health check then reports the
 * sources as unchecked or missing and checks them again each time it runs, until they pass once.
 */
public final class LiveSourceCheck extends HealthCheck {
    /** The name it is registered under. */
    public static final String NAME = "live-sources";
    private static final Logger LOG = LoggerFactory.getLogger(LiveSourceCheck.class);
    private static final Map<String, KeyType> KEY_TYPES = Map.of("STRING", KeyType.STRING, "INTEGER", KeyType.INTEGER,
            "BIGINT", KeyType.BIGINT);

    private final KsqlClient ksql;
    private final List<LiveSource> sources;
    private volatile boolean passed;

    public LiveSourceCheck(KsqlClient ksql, Collection<LiveSource> sources) {
        this.ksql = ksql;
        this.sources = List.copyOf(sources);
        this.passed = sources.isEmpty();
    }

    /**
     * The start-up check.
     *
     * @throws InvalidLiveSourcesException naming each source that does not match, what is wrong and the fix
     */
    public void atStartUp() {
        if (passed) {
            return;
        }
        try {
            List<String> missing = verify();
            if (!missing.isEmpty()) {
                LOG.warn("live sources the KSQL server does not have yet: {}. The service starts anyway; the health check"
                        + " {} reports them until they exist and match", missing, NAME);
            }
        } catch (KsqlUnavailableException e) {
            LOG.warn("the live sources are not checked yet: {}. The service starts anyway; the health check {} reports"
                    + " them until the KSQL server answers and they match it", e.getMessage(), NAME);
        }
    }

    @Override
    protected Result check() {
        if (!passed) {
            try {
                List<String> missing = verify();
                if (!missing.isEmpty()) {
                    return Result.unhealthy("the KSQL server at %s does not have these live sources yet: %s",
                            ksql.url(), missing);
                }
            } catch (KsqlUnavailableException e) {
                return Result.unhealthy("the %d live sources are not checked yet: %s", sources.size(), e.getMessage());
            } catch (InvalidLiveSourcesException e) {
                return Result.unhealthy(e.getMessage());
            }
        }
        return Result.healthy("the %d live sources match the KSQL server at %s", sources.size(), ksql.url());
    }

    /**
     * Describes every source: throws when one the KSQL server has does not match (naming the sources
     * it does not have as well, in case a name is wrong), else returns those it does not have yet.
     */
    private List<String> verify() {
        List<String> mismatches = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (LiveSource source : sources) {
            String at = "live." + source.name() + ": ";
            try {
                JsonNode description = ksql.statements("DESCRIBE `" + source.source() + "`;").path(0).path("sourceDescription");
                mismatches.addAll(problems(source, at, description));
            } catch (KsqlErrorException e) {
                if (e.error().status() / 100 == 5) {
                    throw new KsqlUnavailableException("the KSQL server at " + ksql.url() + " cannot describe "
                            + source.source() + " now: " + e.error().message(), e);
                }
                missing.add(at + "DESCRIBE " + source.source() + " failed: " + e.error().message() + "; create it (a"
                        + " pipeline's migration may not have run yet) or set source: to a stream or table the KSQL server"
                        + " has (SHOW STREAMS and SHOW TABLES list them; names are case-sensitive)");
            }
        }
        if (!mismatches.isEmpty()) {
            mismatches.addAll(missing);
            throw new InvalidLiveSourcesException(ksql.url(), mismatches);
        }
        passed = missing.isEmpty();
        return missing;
    }

    private List<String> problems(LiveSource source, String at, JsonNode description) {
        if (!description.isObject()) {
            return List.of(at + "the KSQL server's answer to DESCRIBE " + source.source() + " has no sourceDescription");
        }
        List<String> problems = new ArrayList<>();
        String kind = description.path("type").asText();
        String declared = source.kind().name();
        if (!kind.equals(declared)) {
            problems.add(at + source.source() + " is a " + kind + " in KSQL, not a " + declared + "; set kind: "
                    + kind.toLowerCase(Locale.ROOT));
        }
        List<String> keyColumns = new ArrayList<>();
        JsonNode key = null;
        for (JsonNode field : description.path("fields")) {
            if ("KEY".equals(field.path("type").asText())) {
                keyColumns.add(field.path("name").asText());
                if (field.path("name").asText().equals(source.key())) {
                    key = field;
                }
            }
        }
        if (key == null) {
            problems.add(at + source.source() + " has no key column " + source.key() + " (its key columns: " + keyColumns
                    + "); set key: to one of them (names are case-sensitive)");
        } else {
            String type = key.path("schema").path("type").asText();
            KeyType keyType = KEY_TYPES.get(type);
            if (keyType == null) {
                problems.add(at + "key column " + source.key() + " is " + type + " in KSQL; the service looks keys up only"
                        + " by STRING, INTEGER or BIGINT: serve another source");
            } else if (keyType != source.keyType()) {
                problems.add(at + "key column " + source.key() + " is " + type + " in KSQL, not " + source.keyType()
                        + "; set keyType: " + keyType.name().toLowerCase(Locale.ROOT));
            }
        }
        JsonNode window = description.path("windowType");
        boolean windowed = window.isTextual() && !window.asText().isEmpty();
        if (windowed != source.windowed()) {
            problems.add(at + source.source() + (windowed ? " is windowed (" + window.asText() + ") in KSQL; set windowed: true"
                    : " is not windowed in KSQL; set windowed: false"));
        }
        return problems;
    }
}
