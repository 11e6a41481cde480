package io.rtdp.connectors.ingest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/** Request paths and the topics they write to. */
public final class Routes {
    private static final Pattern PATH = Pattern.compile("/[A-Za-z0-9._~/-]*");
    private static final Pattern TOPIC = Pattern.compile("[A-Za-z0-9._-]{1,249}");

    private final Map<String, String> topicByPath;

    private Routes(Map<String, String> topicByPath) {
        this.topicByPath = Map.copyOf(topicByPath);
    }

    /**
     * @throws IllegalArgumentException naming the entry and what a valid one looks like
     */
    static Routes parse(List<String> entries) {
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("no routes: give at least one path=topic pair, such as /readings=iot.readings");
        }
        Map<String, String> map = new LinkedHashMap<>();
        for (String entry : entries) {
            int eq = entry.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("'" + entry + "' is not path=topic, such as /readings=iot.readings");
            }
            String path = entry.substring(0, eq).trim();
            String topic = entry.substring(eq + 1).trim();
            if (!PATH.matcher(path).matches() || path.equals("/health")) {
                throw new IllegalArgumentException("path '" + path + "' must start with / and use only letters, digits and . _ ~ / - "
                        + "(and /health is taken by the health check)");
            }
            if (!TOPIC.matcher(topic).matches() || topic.equals(".") || topic.equals("..")) {
                throw new IllegalArgumentException("topic '" + topic + "' is not a legal Kafka topic name (letters, digits, . _ -; at most 249)");
            }
            if (map.put(path, topic) != null) {
                throw new IllegalArgumentException("path '" + path + "' appears twice");
            }
        }
        return new Routes(map);
    }

    static ConfigDef.Validator validator() {
        return new ConfigDef.Validator() {
            @Override
            @SuppressWarnings("unchecked")
            public void ensureValid(String name, Object value) {
                try {
                    parse((List<String>) value);
                } catch (IllegalArgumentException e) {
                    throw new ConfigException(name, value, e.getMessage());
                }
            }

            @Override
            public String toString() {
                return "path=topic pairs, comma-separated: /readings=iot.readings,/orders=commerce.orders";
            }
        };
    }

    /** The topic of this path, or null when no route has it. */
    String topicOf(String path) {
        return topicByPath.get(path);
    }

    List<String> paths() {
        return List.copyOf(topicByPath.keySet());
    }
}
