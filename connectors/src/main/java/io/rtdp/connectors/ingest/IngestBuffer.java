package io.rtdp.connectors.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.connect.source.SourceRecord;

/**
 * The events between the HTTP threads and Kafka: bounded by the events not yet acknowledged (in the
 * queue or in the worker's producer), so memory stays bounded and a full buffer is answered with
 * backpressure instead of waiting.
 */
final class IngestBuffer {
    enum Admission { ACCEPTED, FULL, CLOSED }

    private final int capacity;
    private final Semaphore free;
    private final BlockingQueue<IngestRecord> queue = new LinkedBlockingQueue<>();
    private final Set<PendingRequest> open = ConcurrentHashMap.newKeySet();
    private boolean closed;

    IngestBuffer(int capacity) {
        this.capacity = capacity;
        this.free = new Semaphore(capacity);
    }

    int capacity() {
        return capacity;
    }

    /** Events taken and not yet acknowledged by Kafka. */
    int unacknowledged() {
        return capacity - free.availablePermits();
    }

    /** All of a request's records, or none of them. */
    synchronized Admission offer(PendingRequest request, List<IngestRecord> records) {
        if (closed) {
            return Admission.CLOSED;
        }
        if (!free.tryAcquire(records.size())) {
            return Admission.FULL;
        }
        open.add(request);
        queue.addAll(records);
        return Admission.ACCEPTED;
    }

    /** Up to max records, waiting at most timeoutMs for the first; null when none came. */
    List<SourceRecord> drain(int max, long timeoutMs) throws InterruptedException {
        IngestRecord first = queue.poll(timeoutMs, TimeUnit.MILLISECONDS);
        if (first == null) {
            return null;
        }
        List<SourceRecord> records = new ArrayList<>(Math.min(max, queue.size() + 1));
        records.add(first);
        List<IngestRecord> more = new ArrayList<>();
        queue.drainTo(more, max - 1);
        records.addAll(more);
        return records;
    }

    void acknowledged(IngestRecord record, boolean written) {
        free.release();
        PendingRequest request = record.request();
        request.acknowledged(written);
        if (request.isDone()) {
            open.remove(request);
        }
    }

    /** Refuses new requests and answers every open one with the reason: their clients retry elsewhere. */
    synchronized void close(String reason) {
        closed = true;
        free.release(queue.size());
        queue.clear();
        for (PendingRequest request : open) {
            request.fail(reason);
        }
        open.clear();
    }
}
