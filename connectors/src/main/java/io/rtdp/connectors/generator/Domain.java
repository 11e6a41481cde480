package io.rtdp.connectors.generator;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The kinds of events the generator knows, by the name operators write in {@code domain}. */
public enum Domain {
    IOT_READINGS("iot-readings", "IoT sensor readings keyed by device (device_id, site, temperature, humidity, battery, status, event_time)."),
    COMMERCE_ORDERS("commerce-orders", "orders keyed by order (order_id, customer_id, merchant_id, amount, currency, country, channel, event_time)."),
    COMMERCE_PAYMENTS("commerce-payments", "payments keyed by the order they pay: with the same seed, payment N pays order N of commerce-orders."),
    AVRO("avro", "events of any Avro record schema, with generation hints.");

    private final String configName;
    private final String description;

    Domain(String configName, String description) {
        this.configName = configName;
        this.description = description;
    }

    public String configName() {
        return configName;
    }

    static String[] configNames() {
        return Arrays.stream(values()).map(Domain::configName).toArray(String[]::new);
    }

    static String describeAll() {
        return Arrays.stream(values()).map(d -> "'" + d.configName + "': " + d.description).collect(Collectors.joining(" "));
    }

    static Domain fromConfig(String name) {
        for (Domain d : values()) {
            if (d.configName.equals(name)) {
                return d;
            }
        }
        throw new IllegalArgumentException("unknown domain " + name + "; one of " + String.join(", ", configNames()));
    }
}
