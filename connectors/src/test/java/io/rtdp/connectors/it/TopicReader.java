package io.rtdp.connectors.it;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** Reads a whole topic from the start, as committed (read_committed), the way a downstream consumer sees it. */
final class TopicReader {
    /** A record as text: key and value as the converters wrote them. */
    record Message(String key, String value, long timestamp) {
    }

    private TopicReader() {
    }

    /**
     * Reads until at least {@code expected} records came, then keeps reading for {@code quiet} more, so
     * that a record too many (a duplicate) would show; fails the wait after {@code timeout}.
     */
    static List<Message> readAll(String bootstrapServers, String topic, int expected, Duration quiet, Duration timeout) {
        List<Message> messages = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "it-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (messages.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> messages.add(message(r)));
            }
            long quietEnd = System.nanoTime() + quiet.toNanos();
            while (System.nanoTime() < quietEnd) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> messages.add(message(r)));
            }
        }
        return messages;
    }

    private static Message message(ConsumerRecord<byte[], byte[]> r) {
        return new Message(r.key() == null ? null : new String(r.key(), StandardCharsets.UTF_8),
                r.value() == null ? null : new String(r.value(), StandardCharsets.UTF_8), r.timestamp());
    }
}
