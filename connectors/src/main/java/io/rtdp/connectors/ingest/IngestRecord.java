package io.rtdp.connectors.ingest;

import java.util.Map;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * A record that knows the request it came from. Connect hands the record as polled (before any
 * transformation) to commitRecord, which is how the acknowledgement finds its way back.
 */
final class IngestRecord extends SourceRecord {
    private final PendingRequest request;

    IngestRecord(String topic, String key, Map<String, Object> value, long timestampMs, PendingRequest request) {
        // No source partition or offset: an HTTP request cannot be re-read, the client retries instead.
        super(null, null, topic, null, key == null ? null : Schema.OPTIONAL_STRING_SCHEMA, key, null, value, timestampMs);
        this.request = request;
    }

    PendingRequest request() {
        return request;
    }
}
