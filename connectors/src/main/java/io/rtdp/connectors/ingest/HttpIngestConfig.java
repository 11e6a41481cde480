package io.rtdp.connectors.ingest;

import java.util.List;
import java.util.Map;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.types.Password;

/** The settings of the HTTP ingest source: where it listens, which paths feed which topics, its limits. */
public final class HttpIngestConfig extends AbstractConfig {
    public static final String PORT = "http.port";
    public static final String BIND_ADDRESS = "http.bind.address";
    public static final String THREADS = "http.threads";
    public static final String ROUTES = "http.routes";
    public static final String KEY_FIELD = "key.field";
    public static final String MAX_REQUEST_BYTES = "max.request.bytes";
    public static final String BUFFER_MAX_RECORDS = "buffer.max.records";
    public static final String RETRY_AFTER_SECONDS = "retry.after.seconds";
    public static final String ACK_TIMEOUT_MS = "ack.timeout.ms";
    public static final String BATCH_SIZE = "batch.size";
    public static final String API_KEYS = "api.keys";

    /** Set by the connector for each task; not for operators. */
    static final String TASK_INDEX = "task.index";

    private static final String GROUP_HTTP = "HTTP server";
    private static final String GROUP_ROUTING = "Routing";
    private static final String GROUP_LIMITS = "Limits and backpressure";
    private static final String GROUP_SECURITY = "Security";

    public static final ConfigDef CONFIG_DEF = definition();

    public HttpIngestConfig(Map<String, String> props) {
        super(CONFIG_DEF, props);
    }

    private static ConfigDef definition() {
        ConfigDef def = new ConfigDef();
        int order = 0;
        def.define(PORT, Type.INT, ConfigDef.NO_DEFAULT_VALUE, ConfigDef.Range.between(1, 65535), Importance.HIGH,
                "Port of the first task's HTTP server; task N listens on http.port + N, so tasks.max ports from this one must be free on every worker.",
                GROUP_HTTP, ++order, Width.SHORT, "Port");
        def.define(BIND_ADDRESS, Type.STRING, "0.0.0.0", new ConfigDef.NonEmptyString(), Importance.MEDIUM,
                "Address the HTTP servers bind to; 0.0.0.0 = every interface.", GROUP_HTTP, ++order, Width.MEDIUM, "Bind address");
        def.define(THREADS, Type.INT, 16, ConfigDef.Range.between(1, 1024), Importance.LOW,
                "Request threads per task. Each waits for Kafka's acknowledgement of its request, so this bounds the requests in flight per task.",
                GROUP_HTTP, ++order, Width.SHORT, "Threads");

        order = 0;
        def.define(ROUTES, Type.LIST, ConfigDef.NO_DEFAULT_VALUE, Routes.validator(), Importance.HIGH,
                "Which request path writes to which topic, as path=topic pairs: /readings=iot.readings,/orders=commerce.orders. "
                        + "Clients POST to exactly these paths.", GROUP_ROUTING, ++order, Width.LONG, "Routes");
        def.define(KEY_FIELD, Type.STRING, "", Importance.MEDIUM,
                "JSON field whose value becomes the record key (dots for nested fields: device.id); every event must have it. Empty = no key.",
                GROUP_ROUTING, ++order, Width.MEDIUM, "Key field");

        order = 0;
        def.define(MAX_REQUEST_BYTES, Type.INT, 1_048_576, ConfigDef.Range.between(1_024, 64 * 1_048_576), Importance.MEDIUM,
                "Largest request body; larger ones are refused with 413.", GROUP_LIMITS, ++order, Width.SHORT, "Max request bytes");
        def.define(BUFFER_MAX_RECORDS, Type.INT, 10_000, ConfigDef.Range.between(1, 10_000_000), Importance.MEDIUM,
                "Events a task holds that Kafka has not acknowledged yet. When a request does not fit, it is refused with 503 and "
                        + "Retry-After; a request with more events than this is refused with 413.",
                GROUP_LIMITS, ++order, Width.SHORT, "Buffer (events)");
        def.define(RETRY_AFTER_SECONDS, Type.INT, 1, ConfigDef.Range.between(1, 3600), Importance.LOW,
                "Retry-After of a 503 answer.", GROUP_LIMITS, ++order, Width.SHORT, "Retry-After (s)");
        def.define(ACK_TIMEOUT_MS, Type.LONG, 30_000L, ConfigDef.Range.between(100L, 600_000L), Importance.LOW,
                "How long a request waits for Kafka's acknowledgement before it is answered 504 (written or not: the client may retry).",
                GROUP_LIMITS, ++order, Width.SHORT, "Acknowledgement timeout (ms)");
        def.define(BATCH_SIZE, Type.INT, 1_000, ConfigDef.Range.between(1, 100_000), Importance.LOW,
                "Most events a task hands to the worker per poll.", GROUP_LIMITS, ++order, Width.SHORT, "Batch size");

        order = 0;
        def.define(API_KEYS, Type.PASSWORD, new Password(""), Importance.HIGH,
                "Comma-separated API keys; when set, requests must carry one in X-API-Key (or Authorization: Bearer <key>), or get 401. Empty = no authentication.",
                GROUP_SECURITY, ++order, Width.LONG, "API keys");

        def.defineInternal(TASK_INDEX, Type.INT, 0, Importance.LOW);
        return def;
    }

    /** The port of this task's server. */
    int taskPort() {
        return getInt(PORT) + getInt(TASK_INDEX);
    }

    public String bindAddress() {
        return getString(BIND_ADDRESS);
    }

    public int threads() {
        return getInt(THREADS);
    }

    public Routes routes() {
        return Routes.parse(getList(ROUTES));
    }

    public List<String> keyPath() {
        String field = getString(KEY_FIELD).trim();
        return field.isEmpty() ? List.of() : List.of(field.split("\\."));
    }

    public int maxRequestBytes() {
        return getInt(MAX_REQUEST_BYTES);
    }

    public int bufferMaxRecords() {
        return getInt(BUFFER_MAX_RECORDS);
    }

    public int retryAfterSeconds() {
        return getInt(RETRY_AFTER_SECONDS);
    }

    public long ackTimeoutMs() {
        return getLong(ACK_TIMEOUT_MS);
    }

    public int batchSize() {
        return getInt(BATCH_SIZE);
    }

    public ApiKeys apiKeys() {
        return ApiKeys.parse(getPassword(API_KEYS).value());
    }
}
