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

    final byte[][] keys;
    final byte[][] values;
    final long[] timestamps;

    private Orders(int count) {
        keys = new byte[count][];
        values = new byte[count][];
        timestamps = new long[count];
    }

    /** Seeded, so every run and both sides see the very same records. */
    static Orders generate(int count) {
        Orders orders = new Orders(count);
        Random random = new Random(42);
        for (int i = 0; i < count; i++) {
            orders.keys[i] = ("k" + random.nextInt(KEYS)).getBytes(StandardCharsets.UTF_8);
            String json = "{\"ITEM\":\"" + ITEMS[random.nextInt(ITEMS.length)] + "-" + random.nextInt(100)
                    + "\",\"QTY\":" + (1 + random.nextInt(100))
                    + ",\"PRICE\":" + (1 + random.nextInt(10_000)) / 100.0 + "}";
            orders.values[i] = json.getBytes(StandardCharsets.UTF_8);
            orders.timestamps[i] = i * SPACING_MS;
        }
        return orders;
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
