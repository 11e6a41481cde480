package io.rtdp.connectors.generator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.rtdp.connectors.common.Version;

/**
 * Generates one slice of the connector's events: the sequence numbers equal to its index modulo
 * the task count. Its source offset is the next position in that slice (and the event-time origin),
 * so a restarted task goes on with the next event: no gap, no repeat.
 */
public final class GeneratorSourceTask extends SourceTask {
    private static final String PARTITION_TASK = "task";
    private static final String PARTITION_TASKS = "tasks";
    private static final String OFFSET_POSITION = "position";
    private static final String OFFSET_ORIGIN = "event.time.origin.ms";
    private static final long IDLE_POLL_MS = 1_000;
    private static final Logger LOG = LoggerFactory.getLogger(GeneratorSourceTask.class);

    private final CountDownLatch stopped = new CountDownLatch(1);
    private GeneratorConfig config;
    private EventModel model;
    private KeySlice keys;
    private EventClock clock;
    private Map<String, Object> partition;
    private Pacer pacer;
    private long position;
    private long originMs;

    @Override
    public String version() {
        return Version.get();
    }

    @Override
    public void start(Map<String, String> props) {
        config = new GeneratorConfig(props);
        model = EventModels.of(config);
        keys = new KeySlice(config.taskIndex(), config.taskCount(), config.keys());
        partition = sourcePartition(config.taskIndex(), config.taskCount(), false);
        Map<String, Object> offset = context.offsetStorageReader().offset(partition);
        if (offset == null) {
            // Versions before 0.1.0 built the partition with Map.of, whose order changes from one
            // JVM to the next: their offsets may be stored under the other order.
            offset = context.offsetStorageReader().offset(sourcePartition(config.taskIndex(), config.taskCount(), true));
        }
        if (offset == null) {
            position = 0;
            originMs = config.eventTimeStartMs(System.currentTimeMillis());
        } else {
            position = ((Number) offset.get(OFFSET_POSITION)).longValue();
            originMs = ((Number) offset.get(OFFSET_ORIGIN)).longValue();
        }
        clock = config.eventClock(originMs);
        pacer = new Pacer(config.rate() / config.taskCount(), System.nanoTime());
        LOG.info("generator task {} of {} for topic {} starts at position {}", config.taskIndex(), config.taskCount(),
                config.topic(), position);
    }

    /**
     * The task's source partition, its fields always in the same order: the worker stores offsets
     * under the partition's JSON bytes, so a map whose order differs between JVMs (Map.of) finds no
     * offset after a restart half of the time, and the task then starts again from its first event.
     */
    static Map<String, Object> sourcePartition(int taskIndex, int taskCount, boolean legacyOrder) {
        Map<String, Object> partition = new LinkedHashMap<>();
        if (legacyOrder) {
            partition.put(PARTITION_TASKS, taskCount);
            partition.put(PARTITION_TASK, taskIndex);
        } else {
            partition.put(PARTITION_TASK, taskIndex);
            partition.put(PARTITION_TASKS, taskCount);
        }
        return partition;
    }

    @Override
    public List<SourceRecord> poll() throws InterruptedException {
        long remaining = remaining();
        if (remaining == 0) {
            // Done: idle without spinning, and wake up at once on stop.
            stopped.await(IDLE_POLL_MS, TimeUnit.MILLISECONDS);
            return null;
        }
        long due = pacer.due(System.nanoTime());
        if (due == 0) {
            stopped.await(pacer.millisUntilNext(System.nanoTime()), TimeUnit.MILLISECONDS);
            return null;
        }
        int batch = (int) Math.min(Math.min(due, remaining), config.batchSize());
        List<SourceRecord> records = new ArrayList<>(batch);
        for (int i = 0; i < batch; i++) {
            records.add(record(position++));
        }
        pacer.emitted(batch);
        return records;
    }

    @Override
    public void stop() {
        stopped.countDown();
    }

    /** Events left in this task's slice; Long.MAX_VALUE without a count. */
    private long remaining() {
        if (config.count() == 0) {
            return Long.MAX_VALUE;
        }
        long inSlice = (config.count() - config.taskIndex() + config.taskCount() - 1) / config.taskCount();
        return Math.max(0, inSlice - position);
    }

    private SourceRecord record(long slicePosition) {
        long sequence = config.taskIndex() + slicePosition * config.taskCount();
        SplittableRandom random = Seeds.forEvent(config.seed(), sequence);
        long eventTime = clock.eventTimeMs(sequence, random);
        GeneratedEvent event = model.event(sequence, eventTime, random, keys);
        Map<String, Object> offset = Map.of(OFFSET_POSITION, slicePosition + 1, OFFSET_ORIGIN, originMs);
        return new SourceRecord(partition, offset, config.topic(), null, model.keySchema(), event.key(),
                model.valueSchema(), event.value(), event.timestampMs());
    }
}
