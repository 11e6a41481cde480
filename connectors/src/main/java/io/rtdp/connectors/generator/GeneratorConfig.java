package io.rtdp.connectors.generator;

import java.time.Instant;
import java.util.Map;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;

import io.rtdp.connectors.common.Validators;

/** The settings of the event generator: what it generates, how fast, how much, with which event times. */
public final class GeneratorConfig extends AbstractConfig {
    public static final String TOPIC = "topic";
    public static final String DOMAIN = "domain";
    public static final String SEED = "seed";
    public static final String KEYS = "keys";
    public static final String RATE = "rate.per.second";
    public static final String COUNT = "count";
    public static final String BATCH_SIZE = "batch.size";
    public static final String EVENT_TIME_START = "event.time.start";
    public static final String EVENT_TIME_STEP_MS = "event.time.step.ms";
    public static final String OUT_OF_ORDER_RATIO = "event.time.out.of.order.ratio";
    public static final String OUT_OF_ORDER_MAX_MS = "event.time.out.of.order.max.ms";
    public static final String LATE_RATIO = "event.time.late.ratio";
    public static final String LATE_DELAY_MS = "event.time.late.delay.ms";
    public static final String AVRO_SCHEMA = "avro.schema";
    public static final String AVRO_SCHEMA_FILE = "avro.schema.file";
    public static final String AVRO_KEY_FIELD = "avro.key.field";
    public static final String AVRO_EVENT_TIME_FIELD = "avro.event.time.field";

    /** Set by the connector for each task; not for operators. */
    static final String TASK_INDEX = "task.index";
    static final String TASK_COUNT = "task.count";

    private static final String GROUP_EVENTS = "Events";
    private static final String GROUP_VOLUME = "Rate and volume";
    private static final String GROUP_TIME = "Event time";
    private static final String GROUP_AVRO = "Avro schema";

    public static final ConfigDef CONFIG_DEF = definition();

    public GeneratorConfig(Map<String, String> props) {
        super(CONFIG_DEF, props);
    }

    private static ConfigDef definition() {
        ConfigDef def = new ConfigDef();
        int order = 0;
        def.define(TOPIC, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new ConfigDef.NonEmptyStringWithoutControlChars(),
                Importance.HIGH, "Topic the generated events are written to.", GROUP_EVENTS, ++order, Width.MEDIUM, "Topic");
        def.define(DOMAIN, Type.STRING, Domain.IOT_READINGS.configName(), ConfigDef.ValidString.in(Domain.configNames()),
                Importance.HIGH, "What to generate: " + Domain.describeAll()
                        + " With 'avro', set avro.schema or avro.schema.file.", GROUP_EVENTS, ++order, Width.MEDIUM, "Domain");
        def.define(SEED, Type.LONG, 42L, Importance.MEDIUM,
                "Seed of the generator: the same seed, domain, keys and tasks give the same events, in the same order, on every run.",
                GROUP_EVENTS, ++order, Width.SHORT, "Seed");
        def.define(KEYS, Type.INT, 1000, ConfigDef.Range.between(1, 100_000_000), Importance.MEDIUM,
                "Size of the key space: devices for iot-readings, customers for the commerce domains. Tasks split it: each key belongs to one task.",
                GROUP_EVENTS, ++order, Width.SHORT, "Keys");

        order = 0;
        def.define(RATE, Type.DOUBLE, 100.0, ConfigDef.Range.atLeast(0.0), Importance.HIGH,
                "Events per second for the whole connector, shared by its tasks; 0 = as fast as the worker can write.",
                GROUP_VOLUME, ++order, Width.SHORT, "Rate (events/s)");
        def.define(COUNT, Type.LONG, 0L, ConfigDef.Range.atLeast(0L), Importance.HIGH,
                "Total number of events over all tasks, after which the tasks idle; 0 = no end.",
                GROUP_VOLUME, ++order, Width.SHORT, "Count");
        def.define(BATCH_SIZE, Type.INT, 500, ConfigDef.Range.between(1, 100_000), Importance.LOW,
                "Most events one task hands to the worker per poll.", GROUP_VOLUME, ++order, Width.SHORT, "Batch size");

        order = 0;
        def.define(EVENT_TIME_START, Type.STRING, "", Validators.optionalInstant(), Importance.MEDIUM,
                "Event time of the first event, ISO-8601 (2026-01-01T00:00:00Z); empty = when the task first starts. "
                        + "Set it for runs that must be identical, event times included.",
                GROUP_TIME, ++order, Width.MEDIUM, "Event time start");
        def.define(EVENT_TIME_STEP_MS, Type.LONG, 0L, ConfigDef.Range.atLeast(0L), Importance.LOW,
                "Event-time distance between consecutive events, in ms; 0 = 1000 / rate.per.second (1 ms when the rate is 0), so event time follows the clock.",
                GROUP_TIME, ++order, Width.SHORT, "Event time step (ms)");
        def.define(OUT_OF_ORDER_RATIO, Type.DOUBLE, 0.0, Validators.ratio(), Importance.MEDIUM,
                "Share of events (0..1) whose event time is moved back by up to event.time.out.of.order.max.ms: out of order, but within a window's grace.",
                GROUP_TIME, ++order, Width.SHORT, "Out-of-order share");
        def.define(OUT_OF_ORDER_MAX_MS, Type.LONG, 5_000L, ConfigDef.Range.atLeast(1L), Importance.LOW,
                "Largest move back in time of an out-of-order event, in ms.", GROUP_TIME, ++order, Width.SHORT, "Out-of-order max (ms)");
        def.define(LATE_RATIO, Type.DOUBLE, 0.0, Validators.ratio(), Importance.MEDIUM,
                "Share of events (0..1) that arrive late: their event time is moved back by event.time.late.delay.ms, beyond a window's grace.",
                GROUP_TIME, ++order, Width.SHORT, "Late share");
        def.define(LATE_DELAY_MS, Type.LONG, 60_000L, ConfigDef.Range.atLeast(1L), Importance.LOW,
                "How far back in time a late event is, in ms.", GROUP_TIME, ++order, Width.SHORT, "Late delay (ms)");

        order = 0;
        def.define(AVRO_SCHEMA, Type.STRING, "", Importance.MEDIUM,
                "Avro schema (JSON) of the events, for domain=avro. Fields may carry a \"gen\" object of generation hints: "
                        + "{\"range\":{\"min\":0,\"max\":10}}, {\"choices\":[\"a\",\"b\"]}, {\"sequence\":{\"start\":1,\"step\":1,\"prefix\":\"order-\"}}, "
                        + "{\"length\":{\"min\":1,\"max\":8}}, {\"null.ratio\":0.1} (optional fields: unions with null).",
                GROUP_AVRO, ++order, Width.LONG, "Avro schema");
        def.define(AVRO_SCHEMA_FILE, Type.STRING, "", Importance.MEDIUM,
                "Path of an .avsc file on the worker's machine, instead of avro.schema.", GROUP_AVRO, ++order, Width.LONG, "Avro schema file");
        def.define(AVRO_KEY_FIELD, Type.STRING, "", Importance.MEDIUM,
                "Top-level field of the Avro schema whose value is the record key; empty = no key.", GROUP_AVRO, ++order, Width.MEDIUM, "Key field");
        def.define(AVRO_EVENT_TIME_FIELD, Type.STRING, "", Importance.LOW,
                "Top-level long field (timestamp-millis or plain long) that receives the event time; empty = event time only in the record timestamp.",
                GROUP_AVRO, ++order, Width.MEDIUM, "Event time field");

        def.defineInternal(TASK_INDEX, Type.INT, 0, Importance.LOW);
        def.defineInternal(TASK_COUNT, Type.INT, 1, Importance.LOW);
        return def;
    }

    public String topic() {
        return getString(TOPIC);
    }

    public Domain domain() {
        return Domain.fromConfig(getString(DOMAIN));
    }

    public long seed() {
        return getLong(SEED);
    }

    public int keys() {
        return getInt(KEYS);
    }

    public double rate() {
        return getDouble(RATE);
    }

    public long count() {
        return getLong(COUNT);
    }

    public int batchSize() {
        return getInt(BATCH_SIZE);
    }

    /** The configured start of event time, or the given fallback when none is set. */
    public long eventTimeStartMs(long fallback) {
        String s = getString(EVENT_TIME_START).trim();
        return s.isEmpty() ? fallback : Instant.parse(s).toEpochMilli();
    }

    public long eventTimeStepMs() {
        long step = getLong(EVENT_TIME_STEP_MS);
        if (step > 0) {
            return step;
        }
        return rate() > 0 ? Math.max(1L, Math.round(1000.0 / rate())) : 1L;
    }

    public EventClock eventClock(long originMs) {
        return new EventClock(originMs, eventTimeStepMs(), getDouble(OUT_OF_ORDER_RATIO), getLong(OUT_OF_ORDER_MAX_MS),
                getDouble(LATE_RATIO), getLong(LATE_DELAY_MS));
    }

    public String avroSchema() {
        return getString(AVRO_SCHEMA);
    }

    public String avroSchemaFile() {
        return getString(AVRO_SCHEMA_FILE);
    }

    public String avroKeyField() {
        return getString(AVRO_KEY_FIELD).trim();
    }

    public String avroEventTimeField() {
        return getString(AVRO_EVENT_TIME_FIELD).trim();
    }

    int taskIndex() {
        return getInt(TASK_INDEX);
    }

    int taskCount() {
        return getInt(TASK_COUNT);
    }
}
