package io.rtdp.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Generator throughput into Kafka (rate 0, one task) against a plain KafkaProducer that sends the
 * very same records (read back from the generator's topic) with the same batching settings.
 */
final class GeneratorBench {
    private static final String LINGER_MS = "5";
    private static final String BATCH_BYTES = "65536";

    private GeneratorBench() {
    }

    static void run(BenchPlatform platform, int events) throws Exception {
        platform.createTopics(List.of("bench-generated", "bench-baseline"));
        Map<String, String> config = new HashMap<>();
        config.put("connector.class", "io.rtdp.connectors.generator.GeneratorSourceConnector");
        config.put("tasks.max", "1");
        config.put("topic", "bench-generated");
        config.put("domain", "iot-readings");
        config.put("rate.per.second", "0");
        config.put("count", Integer.toString(events));
        config.put("batch.size", "2000");
        config.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
        config.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
        config.put("value.converter.schemas.enable", "false");
        config.put("producer.override.linger.ms", LINGER_MS);
        config.put("producer.override.batch.size", BATCH_BYTES);
        // As many requests in flight as the baseline producer's default, instead of Connect's 1.
        config.put("producer.override.max.in.flight.requests.per.connection", "5");
        platform.createConnector("bench-generator", config);

        long first = 0;
        long last;
        while (true) {
            long end = platform.endOffset("bench-generated");
            long now = System.nanoTime();
            if (first == 0 && end > 0) {
                first = now;
            }
            if (end >= events) {
                last = now;
                break;
            }
            Thread.sleep(20);
        }
        double ours = events / ((last - first) / 1e9);

        List<ProducerRecord<byte[], byte[]>> same = readBack(platform, events);
        double baseline = produce(platform, same);
        long bytes = same.stream().mapToLong(r -> r.value().length).sum();
        System.out.printf("generator: %d iot-readings events (%.0f B JSON on average), one task, linger.ms=%s batch.size=%s max.in.flight=5, acks=all%n",
                events, bytes / (double) events, LINGER_MS, BATCH_BYTES);
        System.out.printf("generator-throughput: ours=%.0f ev/s baseline=%.0f ev/s ratio=%.2f%n", ours, baseline, ours / baseline);
    }

    private static List<ProducerRecord<byte[], byte[]>> readBack(BenchPlatform platform, int events) {
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>(events);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000"), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of("bench-generated"));
            while (records.size() < events) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    records.add(new ProducerRecord<>("bench-baseline", null, r.timestamp(), r.key(), r.value()));
                }
            }
        }
        return records;
    }

    /** Events/s of a plain producer with acks=all (as Connect's) and the same linger and batch size. */
    private static double produce(BenchPlatform platform, List<ProducerRecord<byte[], byte[]>> records) {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, LINGER_MS,
                ProducerConfig.BATCH_SIZE_CONFIG, BATCH_BYTES), new ByteArraySerializer(), new ByteArraySerializer())) {
            long start = System.nanoTime();
            for (ProducerRecord<byte[], byte[]> r : records) {
                producer.send(r);
            }
            producer.flush();
            return records.size() / ((System.nanoTime() - start) / 1e9);
        }
    }
}
