package io.rtdp.query.live;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.Timer;
import com.codahale.metrics.annotation.Timed;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dropwizard.auth.Auth;
import io.rtdp.query.auth.Caller;
import io.rtdp.query.errors.ApiException;
import io.rtdp.query.errors.FieldError;
import io.rtdp.query.ksql.KsqlClient;
import io.rtdp.query.ksql.PullResult;
import io.rtdp.query.tables.TimeParameter;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.glassfish.jersey.server.ChunkedOutput;

/**
 * {@code /v1/live}: state and changes of the declared KSQL tables and streams, from the KSQL
 * server. {@code /v1/live/<name>/<key>} is a pull query (the key's row, or its windows);
 * {@code /v1/live/<name>} relays a push query as server-sent events.
 */
@Path("/v1/live")
@Produces(MediaType.APPLICATION_JSON)
public final class LiveResource {
    private static final String WINDOWSTART = "WINDOWSTART";

    private final Map<String, LiveSource> sources;
    private final KsqlClient ksql;
    private final EventStreams events;
    private final KsqlFailures failures;
    private final MetricRegistry metrics;

    public LiveResource(Map<String, LiveSource> sources, KsqlClient ksql, EventStreams events, long retryAfterSeconds,
            MetricRegistry metrics) {
        this.sources = Collections.unmodifiableMap(new LinkedHashMap<>(sources));
        this.ksql = ksql;
        this.events = events;
        this.failures = new KsqlFailures(retryAfterSeconds);
        this.metrics = metrics;
    }

    @GET
    @Timed(name = "live")
    public Map<String, Object> list(@Auth Caller caller) {
        List<Map<String, Object>> visible = new ArrayList<>();
        sources.values().stream().filter(source -> caller.hasAnyRole(source.roles())).forEach(source -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", source.name());
            entry.put("description", source.description());
            entry.put("kind", source.kind().name().toLowerCase(Locale.ROOT));
            entry.put("key", source.key());
            entry.put("windowed", source.windowed());
            visible.add(entry);
        });
        return Map.of("sources", visible);
    }

    @GET
    @Path("{name}/{key}")
    @Timed(name = "state")
    public Response state(@Auth Caller caller, @PathParam("name") String name, @PathParam("key") String key,
            @QueryParam("from") @TimeParameter String from, @QueryParam("to") @TimeParameter String to) {
        LiveSource source = authorized(caller, name);
        if (!source.isTable()) {
            throw ApiException.notFound("not_a_table", name + " is a stream: it has no state by key; GET /v1/live/" + name
                    + " streams its rows");
        }
        List<FieldError> errors = new ArrayList<>();
        if (!source.windowed() && (from != null || to != null)) {
            errors.add(new FieldError(from != null ? "from" : "to", name + " is not windowed"));
        }
        String sql = null;
        try {
            sql = source.lookup(key, instant(from), instant(to));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(source.key(), e.getMessage()));
        }
        if (!errors.isEmpty()) {
            throw ApiException.badRequest(errors);
        }
        PullResult result;
        try (Timer.Context ignored = metrics.timer(MetricRegistry.name(LiveResource.class, name, "state")).time()) {
            result = ksql.pull(sql);
        } catch (RuntimeException e) {
            throw failures.of(e, source);
        }
        if (result.rows().isEmpty()) {
            throw ApiException.notFound("unknown_key", name + " has no " + (source.windowed() ? "window" : "row") + " for "
                    + source.key() + "=" + key + (from != null || to != null ? " in the requested range" : ""));
        }
        Object body = source.windowed() ? Map.of("items", byWindowStart(result.rows())) : result.rows().get(0);
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.ok(body).cacheControl(noStore).build();
    }

    @GET
    @Path("{name}")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Timed(name = "events")
    public ChunkedOutput<String> events(@Auth Caller caller, @PathParam("name") String name, @QueryParam("key") String key) {
        LiveSource source = authorized(caller, name);
        String sql;
        try {
            sql = source.changes(Optional.ofNullable(key));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(List.of(new FieldError("key", e.getMessage())));
        }
        return events.open(source, sql);
    }

    private LiveSource authorized(Caller caller, String name) {
        LiveSource source = sources.get(name);
        if (source == null) {
            throw ApiException.notFound("unknown_source", "no live source named '" + name + "'; GET /v1/live lists them");
        }
        if (!caller.hasAnyRole(source.roles())) {
            throw ApiException.forbidden(caller.name() + " lacks a role " + source.roles() + " that " + name + " requires");
        }
        return source;
    }

    private static List<ObjectNode> byWindowStart(List<ObjectNode> rows) {
        List<ObjectNode> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparingLong(row -> row.path(WINDOWSTART).asLong()));
        return sorted;
    }

    private static Optional<Instant> instant(String text) {
        return Optional.ofNullable(text).map(TimeParameter.Validator::parse);
    }
}
