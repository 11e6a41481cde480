package io.rtdp.query.live;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.codahale.metrics.Gauge;
import com.codahale.metrics.MetricRegistry;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.lifecycle.Managed;
import io.rtdp.query.ksql.KsqlClient;

/**
 * The open event streams: at most {@code limit} at once, each sent a heartbeat every interval
 * (the write that fails tells a dead browser, closing its push query), all closed when the
 * service stops so that no push query outlives it on the KSQL server.
 */
public final class EventStreams implements Managed {
    private final KsqlClient ksql;
    private final ObjectMapper json;
    private final ScheduledExecutorService heartbeats;
    private final long heartbeatMillis;
    private final long retryMillis;
    private final int limit;
    private final KsqlFailures failures;
    private final Set<EventStream> open = ConcurrentHashMap.newKeySet();

    public EventStreams(KsqlClient ksql, ObjectMapper json, ScheduledExecutorService heartbeats, long heartbeatMillis,
            long retryAfterSeconds, int limit, MetricRegistry metrics) {
        this.ksql = ksql;
        this.json = json;
        this.heartbeats = heartbeats;
        this.heartbeatMillis = heartbeatMillis;
        this.retryMillis = TimeUnit.SECONDS.toMillis(retryAfterSeconds);
        this.limit = limit;
        this.failures = new KsqlFailures(retryAfterSeconds);
        metrics.register(MetricRegistry.name(EventStreams.class, "open"), (Gauge<Integer>) open::size);
    }

    /** Starts the source's push query; its failures as the client's error. */
    EventStream open(LiveSource source, String sql) {
        EventStream stream = new EventStream(json, retryMillis, open::remove);
        synchronized (open) {
            if (open.size() >= limit) {
                throw failures.tooManyStreams(limit);
            }
            open.add(stream);
        }
        try {
            stream.relay(ksql.push(sql, stream));
        } catch (RuntimeException e) {
            stream.finish();
            throw failures.of(e, source);
        }
        return stream;
    }

    @Override
    public void start() {
        heartbeats.scheduleWithFixedDelay(() -> open.forEach(EventStream::heartbeat), heartbeatMillis, heartbeatMillis,
                TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        open.forEach(EventStream::finish);
    }
}
