package io.rtdp.bench.engine;

import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * The input both sides get: the same serialized records of the ORDERS stream (KAFKA string key,
 * JSON value), made once up front so that neither side pays for producing them.
 */
final class Orders {
    static final String TOPIC = "orders";
    static final String CREATE_STREAM = "CREATE STREAM ORDERS (ID STRING KEY, ITEM STRING, QTY INT, PRICE DOUBLE) "
            + "WITH (KAFKA_TOPIC='" + TOPIC + "', VALUE_FORMAT='JSON');";
    private static final int KEYS = 1000;
    private static final String[] ITEMS = {"pen", "cap", "mug", "lamp", "desk", "chair", "cable", "phone", "book", "bag"};
    /** 5 ms apart: a one-minute window then holds about 12 records per key, 1M records span 83 windows. */
    private static final long SPACING_MS = 5;
    private static final int BUSY_KEYS = 200;
    private static final int BUSY_PER_SECOND = 5000;
    private static final long BUSY_GENERATION_MS = 30_000;

    final byte[][] keys;
    final byte[][] values;
    final long[] timestamps;

    private final String description;

    private Orders(int count, String description) {
        this.description = description;
        keys = new byte[count][];
        values = new byte[count][];
        timestamps = new long[count];
    }

    /** Seeded, so every run and both sides see the very same records. */
    static Orders generate(int count) {
        Orders orders = new Orders(count, KEYS + " keys at random, " + SPACING_MS + " ms apart");
        Random random = new Random(42);
        for (int i = 0; i < count; i++) {
            orders.set(i, "k" + random.nextInt(KEYS), random, i * SPACING_MS);
        }
        return orders;
    }

    /**
     * Busy keys, as the freshness benchmark's devices: {@value #BUSY_KEYS} keys in turn at
     * {@value #BUSY_PER_SECOND} records per second (25 per key and second), each set of keys active for
     * {@value #BUSY_GENERATION_MS} ms and then replaced by new ones, so that their sessions close.
     */
    static Orders busyKeys(int count) {
        Orders orders = new Orders(count, BUSY_KEYS + " keys in turn, " + BUSY_PER_SECOND + " per second, new keys every "
                + BUSY_GENERATION_MS / 1000 + " s");
        Random random = new Random(42);
        for (int i = 0; i < count; i++) {
            long time = i * 1000L / BUSY_PER_SECOND;
            orders.set(i, "g" + time / BUSY_GENERATION_MS + "-k" + i % BUSY_KEYS, random, time);
        }
        return orders;
    }

    private void set(int i, String key, Random random, long timestamp) {
        keys[i] = key.getBytes(StandardCharsets.UTF_8);
        String json = "{\"ITEM\":\"" + ITEMS[random.nextInt(ITEMS.length)] + "-" + random.nextInt(100)
                + "\",\"QTY\":" + (1 + random.nextInt(100))
                + ",\"PRICE\":" + (1 + random.nextInt(10_000)) / 100.0 + "}";
        values[i] = json.getBytes(StandardCharsets.UTF_8);
        timestamps[i] = timestamp;
    }

    String description() {
        return description;
    }

    int size() {
        return keys.length;
    }

    long valueBytes() {
        long total = 0;
        for (byte[] v : values) {
            total += v.length;
        }
        return total;
    }
}
