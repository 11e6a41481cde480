package io.rtdp.connectors.generator;

import java.util.Date;
import java.util.SplittableRandom;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;

/**
 * Sensor readings: each device sits on one site, reads around the site's climate with its own bias,
 * drains its battery over time, and now and then alarms or drops offline.
 */
final class IotReadingsModel implements EventModel {
    static final Schema VALUE_SCHEMA = SchemaBuilder.struct().name("io.rtdp.iot.SensorReading").version(1)
            .doc("A reading of one IoT sensor")
            .field("device_id", Schema.STRING_SCHEMA)
            .field("site", Schema.STRING_SCHEMA)
            .field("temperature", SchemaBuilder.float64().doc("degrees Celsius").build())
            .field("humidity", SchemaBuilder.float64().doc("relative humidity, percent").build())
            .field("battery", SchemaBuilder.float64().doc("charge left, percent").build())
            .field("status", SchemaBuilder.string().doc("OK, ALARM (temperature far from the site's), LOW_BATTERY or OFFLINE").build())
            .field("event_time", Timestamp.SCHEMA)
            .build();

    private static final String[] SITES = {"plant-north", "plant-south", "warehouse-east", "warehouse-west",
            "office-hq", "datacenter-1", "greenhouse-2", "cold-store-3"};
    private static final double[] SITE_CELSIUS = {18.0, 19.5, 15.0, 16.5, 21.5, 24.0, 27.0, 3.0};
    private static final double[] SITE_HUMIDITY = {45, 50, 55, 52, 40, 35, 75, 85};

    private final long seed;

    IotReadingsModel(long seed) {
        this.seed = seed;
    }

    @Override
    public Schema keySchema() {
        return Schema.STRING_SCHEMA;
    }

    @Override
    public Schema valueSchema() {
        return VALUE_SCHEMA;
    }

    @Override
    public GeneratedEvent event(long sequence, long eventTimeMs, SplittableRandom random, KeySlice keys) {
        int device = keys.pick(random);
        int site = device % SITES.length;
        long deviceTraits = Seeds.forEntity(seed, device);
        double bias = ((deviceTraits & 0xFFFF) / 65535.0 - 0.5) * 2.0;
        double drainPerReading = 0.05 + ((deviceTraits >>> 16) & 0xFF) / 255.0 * 0.2;

        double deviation = random.nextGaussian() * 1.2;
        double temperature = Ids.round(SITE_CELSIUS[site] + bias + deviation, 2);
        double humidity = Ids.round(Math.max(0, Math.min(100, SITE_HUMIDITY[site] + random.nextGaussian() * 6)), 1);
        long readingsOfDevice = sequence / keys.size();
        double battery = Ids.round(100.0 - (readingsOfDevice * drainPerReading + (deviceTraits >>> 24 & 0x3F)) % 100.0, 1);
        String status;
        if (random.nextDouble() < 0.005) {
            status = "OFFLINE";
        } else if (Math.abs(deviation) > 3.0) {
            status = "ALARM";
        } else if (battery < 10.0) {
            status = "LOW_BATTERY";
        } else {
            status = "OK";
        }
        String deviceId = Ids.of("device-", device, 6);
        Struct value = new Struct(VALUE_SCHEMA)
                .put("device_id", deviceId)
                .put("site", SITES[site])
                .put("temperature", temperature)
                .put("humidity", humidity)
                .put("battery", battery)
                .put("status", status)
                .put("event_time", new Date(eventTimeMs));
        return new GeneratedEvent(deviceId, value, eventTimeMs);
    }
}
