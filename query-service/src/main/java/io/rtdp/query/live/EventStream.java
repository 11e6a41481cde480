package io.rtdp.query.live;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rtdp.query.errors.ApiError;
import io.rtdp.query.ksql.KsqlErrorException;
import io.rtdp.query.ksql.PushListener;
import io.rtdp.query.ksql.PushQuery;
import io.rtdp.query.ksql.QueryMetadata;
import org.glassfish.jersey.server.ChunkedOutput;

/**
 * One browser's server-sent events, relaying one push query: an {@code open} event with the
 * columns, then one unnamed event per row (a JSON object column → value), comment lines as
 * heartbeats, and an {@code error} event before the end if the query fails. A write that fails
 * means the browser went away: the push query is closed then, and when the service stops.
 */
final class EventStream extends ChunkedOutput<String> implements PushListener {
    private final ObjectMapper json;
    private final long retryMillis;
    private final Consumer<EventStream> onFinish;
    private final AtomicBoolean finished = new AtomicBoolean();
    private PushQuery query;

    EventStream(ObjectMapper json, long retryMillis, Consumer<EventStream> onFinish) {
        super(String.class);
        this.json = json;
        this.retryMillis = retryMillis;
        this.onFinish = onFinish;
    }

    /** The query this stream relays; closed at once if the stream already finished while it started. */
    void relay(PushQuery started) {
        synchronized (this) {
            if (!finished.get()) {
                query = started;
                return;
            }
        }
        started.close();
    }

    @Override
    public void started(QueryMetadata metadata) {
        // retry: how long a browser's EventSource waits before it reconnects after the end.
        Map<String, Object> open = new LinkedHashMap<>();
        open.put("queryId", metadata.queryId());
        open.put("columns", metadata.columnNames());
        send("retry: " + retryMillis + "\nevent: open\ndata: " + text(open) + "\n\n");
    }

    @Override
    public void row(ObjectNode row) {
        send("data: " + text(row) + "\n\n");
    }

    @Override
    public void ended(Throwable failure) {
        if (failure instanceof KsqlErrorException refused) {
            send("event: error\ndata: " + text(ApiError.of("ksql_error", "the KSQL server ended the push query: "
                    + refused.error().message() + " (error_code " + refused.error().errorCode() + ")")) + "\n\n");
        } else if (failure != null) {
            send("event: error\ndata: " + text(ApiError.of("ksql_unavailable", "the connection to the KSQL server broke"
                    + (failure.getMessage() == null ? "" : ": " + failure.getMessage()))) + "\n\n");
        }
        // The query is over on the KSQL server already: nothing to close there.
        finish(false);
    }

    void heartbeat() {
        send(": heartbeat\n\n");
    }

    /** Jersey's call when the connection is found closed. */
    @Override
    protected void onClose(Exception cause) {
        finish();
    }

    /** Closes the push query and the response; idempotent. */
    void finish() {
        finish(true);
    }

    private void finish(boolean closeQuery) {
        PushQuery running;
        synchronized (this) {
            if (!finished.compareAndSet(false, true)) {
                return;
            }
            running = query;
        }
        if (running != null && closeQuery) {
            running.close();
        }
        try {
            close();
        } catch (IOException alreadyGone) {
            // the browser is gone: nothing left to tell it
        }
        onFinish.accept(this);
    }

    private void send(String event) {
        if (finished.get()) {
            return;
        }
        try {
            write(event);
        } catch (IOException gone) {
            finish();
        }
    }

    private String text(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("rows and maps of JSON values are always serializable", e);
        }
    }
}
