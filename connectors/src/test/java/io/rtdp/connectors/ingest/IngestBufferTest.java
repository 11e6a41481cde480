package io.rtdp.connectors.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

class IngestBufferTest {
    @Test
    void takesWholeRequestsUpToItsCapacityAndFreesSpaceOnAcknowledgement() throws Exception {
        IngestBuffer buffer = new IngestBuffer(5);
        PendingRequest first = new PendingRequest(3);
        assertThat(buffer.offer(first, records(first, 3))).isEqualTo(IngestBuffer.Admission.ACCEPTED);
        PendingRequest second = new PendingRequest(3);
        assertThat(buffer.offer(second, records(second, 3))).isEqualTo(IngestBuffer.Admission.FULL);

        List<SourceRecord> polled = buffer.drain(10, 100);
        assertThat(polled).hasSize(3);
        assertThat(buffer.unacknowledged()).as("polled is not acknowledged").isEqualTo(3);
        buffer.acknowledged((IngestRecord) polled.get(0), true);
        buffer.acknowledged((IngestRecord) polled.get(1), false);
        assertThat(first.isDone()).isFalse();
        buffer.acknowledged((IngestRecord) polled.get(2), true);
        PendingRequest.Outcome outcome = first.await(0);
        assertThat(outcome.complete()).isTrue();
        assertThat(outcome.written()).isEqualTo(2);
        assertThat(outcome.dropped()).isEqualTo(1);
        assertThat(buffer.offer(second, records(second, 3))).isEqualTo(IngestBuffer.Admission.ACCEPTED);
        assertThat(buffer.drain(10, 10)).hasSize(3);
        assertThat(buffer.drain(10, 10)).isNull();
    }

    @Test
    void closingAnswersOpenRequestsAndRefusesNewOnes() throws Exception {
        IngestBuffer buffer = new IngestBuffer(10);
        PendingRequest open = new PendingRequest(2);
        buffer.offer(open, records(open, 2));
        buffer.close("stopping");
        PendingRequest.Outcome outcome = open.await(0);
        assertThat(outcome.complete()).isFalse();
        assertThat(outcome.failure()).isEqualTo("stopping");
        assertThat(buffer.drain(10, 10)).isNull();
        PendingRequest late = new PendingRequest(1);
        assertThat(buffer.offer(late, records(late, 1))).isEqualTo(IngestBuffer.Admission.CLOSED);
    }

    private static List<IngestRecord> records(PendingRequest request, int n) {
        return java.util.stream.IntStream.range(0, n)
                .mapToObj(i -> new IngestRecord("t", "k" + i, Map.of("i", (Object) (long) i), 0L, request)).toList();
    }
}
