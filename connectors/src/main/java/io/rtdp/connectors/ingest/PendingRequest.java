package io.rtdp.connectors.ingest;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** One accepted request, waiting until Kafka has acknowledged each of its events. */
final class PendingRequest {
    /** How a request ended: acknowledged (written + dropped = events), failed with a reason, or still open. */
    record Outcome(boolean complete, int written, int dropped, String failure) {
    }

    private final int events;
    private final AtomicInteger written = new AtomicInteger();
    private final AtomicInteger dropped = new AtomicInteger();
    private final CountDownLatch done = new CountDownLatch(1);
    private volatile String failure;

    PendingRequest(int events) {
        this.events = events;
    }

    /**
     * One event acknowledged. Dropped = the worker did not write it: a transformation filtered it
     * out, or it failed and errors.tolerance=all let the task go on.
     */
    void acknowledged(boolean wasWritten) {
        (wasWritten ? written : dropped).incrementAndGet();
        if (written.get() + dropped.get() == events) {
            done.countDown();
        }
    }

    void fail(String reason) {
        failure = reason;
        done.countDown();
    }

    boolean isDone() {
        return done.getCount() == 0;
    }

    Outcome await(long timeoutMs) throws InterruptedException {
        boolean finished = done.await(timeoutMs, TimeUnit.MILLISECONDS);
        String why = failure;
        return new Outcome(finished && why == null, written.get(), dropped.get(), why);
    }
}
