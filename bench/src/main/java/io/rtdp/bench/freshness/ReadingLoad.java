package io.rtdp.bench.freshness;

import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A steady stream of ordinary readings into iot.readings (valid, raising no alert), paced every
 * 10 ms so that the rate holds within each second instead of arriving in bursts; event time is
 * the time of sending.
 */
final class ReadingLoad implements AutoCloseable {
    private static final int DEVICES = 200;
    private static final long TICK_NANOS = 10_000_000;

    private final KafkaProducer<String, String> producer;
    private final int ratePerSecond;
    private final AtomicLong sent = new AtomicLong();
    private final Thread thread;
    private volatile boolean running = true;

    ReadingLoad(String bootstrap, int ratePerSecond) {
        this.producer = producer(bootstrap);
        this.ratePerSecond = ratePerSecond;
        this.thread = new Thread(this::run, "freshness-load");
    }

    static KafkaProducer<String, String> producer(String bootstrap) {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        p.put("linger.ms", "5");
        return new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
    }

    void start() {
        thread.start();
    }

    long sent() {
        return sent.get();
    }

    private void run() {
        long begin = System.nanoTime();
        long n = 0;
        while (running) {
            long due = (System.nanoTime() - begin) * ratePerSecond / 1_000_000_000L;
            for (; n < due; n++) {
                int device = (int) (n % DEVICES);
                producer.send(new ProducerRecord<>("iot.readings", "load-" + device, "{\"site\":\"site-" + (device % 10)
                        + "\",\"temperature\":" + (15 + (n % 100) / 10.0) + ",\"humidity\":50.0,\"battery\":80.0,\"status\":\"OK\","
                        + "\"event_time\":" + System.currentTimeMillis() + "}"));
            }
            sent.set(n);
            long next = begin + ((System.nanoTime() - begin) / TICK_NANOS + 1) * TICK_NANOS;
            java.util.concurrent.locks.LockSupport.parkNanos(next - System.nanoTime());
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join();
        producer.close();
    }
}
