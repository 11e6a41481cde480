package io.rtdp.query.ksql;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The lines of a push query's answer as they arrive: the metadata completes {@link #metadata()},
 * each row goes to the listener, one at a time (the next line is requested only after the
 * listener returned), and the end of the stream is told to the listener once, unless this side
 * cancelled it.
 */
final class PushStream implements Flow.Subscriber<String> {
    private final QueryStreamLines lines;
    private final PushListener listener;
    private final CompletableFuture<QueryMetadata> metadata = new CompletableFuture<>();
    private final AtomicBoolean ended = new AtomicBoolean();
    private volatile Flow.Subscription subscription;

    PushStream(QueryStreamLines lines, PushListener listener) {
        this.lines = lines;
        this.listener = listener;
    }

    CompletableFuture<QueryMetadata> metadata() {
        return metadata;
    }

    /** Stops reading and drops the connection's stream; the listener is not told (this side asked for it). */
    void cancel() {
        ended.set(true);
        metadata.cancel(false);
        Flow.Subscription current = subscription;
        if (current != null) {
            current.cancel();
        }
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        if (ended.get()) {
            subscription.cancel();
        } else {
            subscription.request(1);
        }
    }

    @Override
    public void onNext(String line) {
        try {
            QueryStreamLines.Line parsed = lines.parse(line);
            if (parsed instanceof QueryStreamLines.Failure failure) {
                end(new KsqlErrorException(failure.error()));
            } else if (parsed instanceof QueryStreamLines.Metadata first && !metadata.isDone()) {
                listener.started(first.metadata());
                metadata.complete(first.metadata());
            } else if (parsed instanceof QueryStreamLines.Row row && metadata.isDone() && !ended.get()) {
                listener.row(lines.row(metadata.join(), row.values()));
            } else if (parsed != null && !ended.get()) {
                throw new IllegalArgumentException("the KSQL server sent " + parsed.getClass().getSimpleName().toLowerCase()
                        + " out of order");
            }
        } catch (RuntimeException e) {
            end(e);
        }
        if (ended.get()) {
            subscription.cancel();
        } else {
            subscription.request(1);
        }
    }

    @Override
    public void onError(Throwable failure) {
        end(failure);
    }

    @Override
    public void onComplete() {
        end(null);
    }

    private void end(Throwable failure) {
        if (!metadata.isDone()) {
            metadata.completeExceptionally(failure != null ? failure
                    : new IllegalStateException("the KSQL server ended the push query's answer before its metadata"));
            ended.set(true);
        } else if (ended.compareAndSet(false, true)) {
            listener.ended(failure);
        }
    }
}
