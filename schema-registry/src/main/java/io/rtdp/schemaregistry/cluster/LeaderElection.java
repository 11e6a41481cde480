package io.rtdp.schemaregistry.cluster;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.rtdp.schemaregistry.config.RegistryConfig;

/**
 * Elects the one instance that writes, through a Kafka consumer group on the single-partition
 * schemas topic: the member the group assigns the partition to is the leader. When it stops (or
 * stops heart-beating) the group gives the partition, and so the leadership, to another member.
 * The partition is paused at once: the group is used for membership only, the topic is read elsewhere.
 */
public final class LeaderElection implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LeaderElection.class);

    /** Called on the election thread when this instance becomes the leader. */
    public interface Listener {
        void elected();
    }

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final String topic;
    private final Listener listener;
    private volatile boolean leader;
    private volatile boolean running = true;
    private Thread thread;

    public LeaderElection(RegistryConfig config, Listener listener) {
        this.topic = config.topic();
        this.listener = listener;
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, config.groupId(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 10_000,
                ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 1_000,
                // Cooperative and sticky: an instance joining the group does not take the leadership away.
                ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName()),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    public void start() {
        consumer.subscribe(List.of(topic), new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                if (!partitions.isEmpty()) {
                    if (leader) {
                        LOG.info("No longer the leader of the schema registry group");
                    }
                    leader = false;
                }
            }

            @Override
            public void onPartitionsLost(Collection<TopicPartition> partitions) {
                onPartitionsRevoked(partitions);
            }

            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                consumer.pause(partitions);
                if (!partitions.isEmpty()) {
                    // An instance that cannot announce itself must not keep the leadership: the exception
                    // ends the election loop, which leaves the group so that another instance leads.
                    listener.elected();
                    leader = true;
                }
            }
        });
        thread = new Thread(this::pollForever, "schema-registry-election");
        thread.setDaemon(true);
        thread.start();
    }

    private void pollForever() {
        try {
            while (running) {
                consumer.poll(Duration.ofMillis(500));
            }
        } catch (WakeupException e) {
            if (running) {
                LOG.error("Leader election woken up unexpectedly", e);
            }
        } catch (RuntimeException e) {
            LOG.error("Leader election stopped: this instance will not lead or know about leadership changes; restart it", e);
        } finally {
            leader = false;
            consumer.close(Duration.ofSeconds(5));
        }
    }

    public boolean isLeader() {
        return leader;
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        if (thread != null) {
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
