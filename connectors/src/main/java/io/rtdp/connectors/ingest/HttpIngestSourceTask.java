package io.rtdp.connectors.ingest;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;

import io.rtdp.connectors.common.Version;

/**
 * Serves one HTTP endpoint and hands what it accepts to the worker; the worker's acknowledgement
 * of each record (commitRecord) is what lets the endpoint answer 202.
 */
public final class HttpIngestSourceTask extends SourceTask {
    /** How long poll waits for events, so that the worker's own loop (pause, stop) stays responsive. */
    private static final long POLL_WAIT_MS = 500;

    private HttpIngestConfig config;
    private IngestBuffer buffer;
    private IngestHttpServer server;

    @Override
    public String version() {
        return Version.get();
    }

    @Override
    public void start(Map<String, String> props) {
        config = new HttpIngestConfig(props);
        buffer = new IngestBuffer(config.bufferMaxRecords());
        try {
            server = new IngestHttpServer(config, buffer);
        } catch (IOException e) {
            throw new ConnectException("cannot listen on " + config.bindAddress() + ":" + config.taskPort() + " (" + e.getMessage()
                    + "): another process or connector holds the port; free it or choose another http.port", e);
        }
    }

    @Override
    public List<SourceRecord> poll() throws InterruptedException {
        return buffer.drain(config.batchSize(), POLL_WAIT_MS);
    }

    /** metadata is null when the record was not written: filtered by a transformation, or failed under errors.tolerance=all. */
    @Override
    public void commitRecord(SourceRecord record, RecordMetadata metadata) {
        if (record instanceof IngestRecord ingested) {
            buffer.acknowledged(ingested, metadata != null);
        }
    }

    @Override
    public void stop() {
        if (buffer != null) {
            buffer.close("the task stopped before Kafka acknowledged these events (connector paused, deleted, reconfigured or "
                    + "moved to another worker); they may or may not be written: retry");
        }
        if (server != null) {
            server.close();
        }
    }
}
