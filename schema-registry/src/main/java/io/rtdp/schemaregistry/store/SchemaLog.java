package io.rtdp.schemaregistry.store;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.rtdp.schemaregistry.config.RegistryConfig;

/**
 * The schemas topic: a single-partition compacted topic that is the registry's only storage. A
 * reader thread applies every record, from the first, to the {@link RegistryState}; a write returns
 * once the reader has applied it, so that the writer reads its own write.
 */
public final class SchemaLog implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SchemaLog.class);

    private final RegistryConfig config;
    private final RegistryState state;
    private final TopicPartition partition;
    private final Admin admin;
    private final Object progress = new Object();
    private long nextOffset; // guarded by progress: offset of the next record the reader will apply
    private volatile boolean running = true;
    private KafkaProducer<byte[], byte[]> producer;
    private KafkaConsumer<byte[], byte[]> consumer;
    private Thread reader;

    public SchemaLog(RegistryConfig config, RegistryState state) {
        this.config = config;
        this.state = state;
        this.partition = new TopicPartition(config.topic(), 0);
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) config.timeout().toMillis(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) config.timeout().toMillis()));
    }

    /** Creates the topic when missing, then reads it to its end. */
    public void start() {
        ensureTopic();
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 0,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, config.timeout().toMillis()),
                new ByteArraySerializer(), new ByteArraySerializer());
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 50),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
        consumer.assign(List.of(partition));
        consumer.seekToBeginning(List.of(partition));
        reader = new Thread(this::readForever, "schemas-topic-reader");
        reader.setDaemon(true);
        reader.start();
        awaitCaughtUp();
    }

    private void ensureTopic() {
        try {
            int brokers = admin.describeCluster().nodes().get(timeoutMs(), TimeUnit.MILLISECONDS).size();
            short replication = (short) Math.max(1, Math.min(config.topicReplicationFactor(), brokers));
            NewTopic topic = new NewTopic(config.topic(), 1, replication)
                    .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
            try {
                admin.createTopics(List.of(topic)).all().get(timeoutMs(), TimeUnit.MILLISECONDS);
                LOG.info("Created schemas topic {} (1 partition, compacted, replication factor {})", config.topic(), replication);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
            TopicDescription description = describeTopic();
            if (description.partitions().size() != 1) {
                throw new IllegalStateException("the schemas topic " + config.topic() + " has "
                        + description.partitions().size() + " partitions; it must have exactly 1 (the order of its"
                        + " records is the order of the registry's writes): point " + RegistryConfig.TOPIC
                        + " at another topic or recreate this one");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while preparing the schemas topic", e, false);
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new StoreException("cannot prepare the schemas topic " + config.topic() + " on "
                    + config.bootstrapServers() + ": " + cause + " (is Kafka running there? see "
                    + RegistryConfig.BOOTSTRAP_SERVERS + ")", cause, e instanceof TimeoutException);
        }
    }

    /** The topic's description; a topic created a moment ago may need a few tries to show. */
    private TopicDescription describeTopic() throws InterruptedException, ExecutionException, TimeoutException {
        long deadline = System.currentTimeMillis() + timeoutMs();
        while (true) {
            try {
                return admin.describeTopics(List.of(config.topic())).allTopicNames()
                        .get(timeoutMs(), TimeUnit.MILLISECONDS).get(config.topic());
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || System.currentTimeMillis() > deadline) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }

    private void readForever() {
        try {
            while (running) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    applyQuietly(record);
                }
                long position = consumer.position(partition);
                synchronized (progress) {
                    nextOffset = position;
                    progress.notifyAll();
                }
            }
        } catch (WakeupException e) {
            if (running) {
                LOG.error("Schemas topic reader woken up unexpectedly", e);
            }
        } catch (RuntimeException e) {
            LOG.error("Schemas topic reader stopped: the registry no longer sees new schemas; restart it", e);
        } finally {
            consumer.close();
        }
    }

    private void applyQuietly(ConsumerRecord<byte[], byte[]> record) {
        try {
            Optional<LogEntry> entry = LogRecords.decode(record.key(), record.value());
            entry.ifPresent(state::apply);
        } catch (IOException | RuntimeException e) {
            // A record no version of this registry wrote: skipping it keeps every instance's view equal.
            LOG.warn("Skipping unreadable record at offset {} of {}: {}", record.offset(), config.topic(), e.toString());
        }
    }

    /** Appends the entry and returns once this instance's view includes it. */
    public void append(LogEntry entry) {
        LogRecords.Encoded encoded = LogRecords.encode(entry);
        RecordMetadata written;
        try {
            written = producer.send(new ProducerRecord<>(config.topic(), 0, encoded.key(), encoded.value()))
                    .get(timeoutMs(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while writing to " + config.topic(), e, false);
        } catch (ExecutionException e) {
            throw new StoreException("cannot write to the schemas topic " + config.topic() + ": " + e.getCause(), e.getCause(), false);
        } catch (TimeoutException e) {
            throw new StoreException("writing to the schemas topic " + config.topic() + " took longer than "
                    + timeoutMs() + " ms (" + RegistryConfig.TIMEOUT_MS + ")", e, true);
        }
        awaitApplied(written.offset() + 1);
    }

    /** Returns once this instance has applied every record written before the call. */
    public void awaitCaughtUp() {
        long end;
        try {
            end = admin.listOffsets(Map.of(partition, OffsetSpec.latest())).partitionResult(partition)
                    .get(timeoutMs(), TimeUnit.MILLISECONDS).offset();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while reading " + config.topic(), e, false);
        } catch (ExecutionException | TimeoutException e) {
            throw new StoreException("cannot find the end of the schemas topic " + config.topic() + ": " + e,
                    e, e instanceof TimeoutException);
        }
        awaitApplied(end);
    }

    private void awaitApplied(long offset) {
        long deadline = System.nanoTime() + config.timeout().toNanos();
        synchronized (progress) {
            while (nextOffset < offset) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || !reader.isAlive()) {
                    throw new StoreException("the registry has read " + config.topic() + " up to offset " + nextOffset
                            + " but needs " + offset + " within " + timeoutMs() + " ms (" + RegistryConfig.TIMEOUT_MS + ")",
                            null, true);
                }
                try {
                    progress.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new StoreException("interrupted while reading " + config.topic(), e, false);
                }
            }
        }
    }

    private long timeoutMs() {
        return config.timeout().toMillis();
    }

    @Override
    public void close() {
        running = false;
        if (consumer != null) {
            consumer.wakeup();
        }
        if (reader != null) {
            try {
                reader.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
        admin.close(Duration.ofSeconds(5));
    }
}
