package io.rtdp.schemaregistry.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.rtdp.schemaregistry.schema.CompatibilityLevel;

/**
 * The registry's settings, under the key names Confluent's registry uses so that existing
 * configuration files carry over. Read from a {@code .properties} file or a YAML file (flat dotted
 * keys or nested maps).
 */
public final class RegistryConfig {
    public static final String LISTENERS = "listeners";
    public static final String HOST_NAME = "host.name";
    public static final String BOOTSTRAP_SERVERS = "kafkastore.bootstrap.servers";
    public static final String TOPIC = "kafkastore.topic";
    public static final String TOPIC_REPLICATION_FACTOR = "kafkastore.topic.replication.factor";
    public static final String TIMEOUT_MS = "kafkastore.timeout.ms";
    public static final String GROUP_ID = "schema.registry.group.id";
    public static final String COMPATIBILITY_LEVEL = "schema.compatibility.level";
    public static final String LEADER_ELIGIBILITY = "leader.eligibility";

    private final Map<String, String> values;

    public RegistryConfig(Map<String, String> values) {
        this.values = new TreeMap<>(values);
        if (get(BOOTSTRAP_SERVERS, "").isBlank()) {
            throw new IllegalArgumentException("missing setting " + BOOTSTRAP_SERVERS
                    + ": set it to the Kafka cluster that stores the schemas, e.g. localhost:9092");
        }
        compatibilityLevel(); // fail at start, not at the first request
        listenerUri();
    }

    public static RegistryConfig load(Path file) {
        try {
            String name = file.getFileName().toString();
            if (name.endsWith(".yaml") || name.endsWith(".yml")) {
                Map<String, String> flat = new TreeMap<>();
                flatten("", new ObjectMapper(new YAMLFactory()).readTree(file.toFile()), flat);
                return new RegistryConfig(flat);
            }
            Properties props = new Properties();
            try (InputStream in = Files.newInputStream(file)) {
                props.load(in);
            }
            Map<String, String> map = new TreeMap<>();
            props.stringPropertyNames().forEach(k -> map.put(k, props.getProperty(k).trim()));
            return new RegistryConfig(map);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the registry configuration " + file.toAbsolutePath(), e);
        }
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
        if (node == null || node.isNull()) {
            return;
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out);
            }
        } else if (node.isArray()) {
            StringBuilder joined = new StringBuilder();
            node.forEach(n -> joined.append(joined.isEmpty() ? "" : ",").append(n.asText()));
            out.put(prefix, joined.toString());
        } else {
            out.put(prefix, node.asText());
        }
    }

    private String get(String key, String fallback) {
        String v = values.get(key);
        return v == null || v.isBlank() ? fallback : v.trim();
    }

    /** The first listener, e.g. {@code http://0.0.0.0:8081}. */
    public URI listenerUri() {
        String first = get(LISTENERS, "http://0.0.0.0:8081").split(",")[0].trim();
        URI uri = URI.create(first);
        if (!"http".equals(uri.getScheme()) || uri.getHost() == null || uri.getPort() < 0) {
            throw new IllegalArgumentException("setting " + LISTENERS + "=" + first
                    + " is not an http://host:port listener (https is not supported: put a TLS proxy in front)");
        }
        return uri;
    }

    /** The host other registry instances and clients reach this one at (writes are forwarded to it). */
    public String advertisedHost() {
        String host = get(HOST_NAME, listenerUri().getHost());
        if ("0.0.0.0".equals(host)) {
            try {
                return InetAddress.getLocalHost().getCanonicalHostName();
            } catch (UnknownHostException e) {
                return "localhost";
            }
        }
        return host;
    }

    public String bootstrapServers() {
        // Confluent's files often write PLAINTEXT://host:port; Kafka clients want host:port.
        return get(BOOTSTRAP_SERVERS, "").replaceAll("[A-Za-z_]+://", "");
    }

    public String topic() {
        return get(TOPIC, "_schemas");
    }

    public short topicReplicationFactor() {
        return Short.parseShort(get(TOPIC_REPLICATION_FACTOR, "3"));
    }

    public Duration timeout() {
        return Duration.ofMillis(Long.parseLong(get(TIMEOUT_MS, "10000")));
    }

    public String groupId() {
        return get(GROUP_ID, "schema-registry");
    }

    public boolean leaderEligible() {
        return Boolean.parseBoolean(get(LEADER_ELIGIBILITY, "true"));
    }

    public CompatibilityLevel compatibilityLevel() {
        String level = get(COMPATIBILITY_LEVEL, "BACKWARD");
        return CompatibilityLevel.parse(level).orElseThrow(() -> new IllegalArgumentException(
                "setting " + COMPATIBILITY_LEVEL + "=" + level + " is not a compatibility level; use one of "
                        + Arrays.toString(CompatibilityLevel.values())));
    }

    public int port() {
        return listenerUri().getPort();
    }

    public String host() {
        return listenerUri().getHost();
    }
}
