package io.rtdp.platform.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The platform's settings as flat keys ({@code kafka.port}): the defaults shipped with the launcher,
 * then a YAML file, then {@code RTDP_*} environment variables, then {@code --set} flags.
 */
public final class Settings {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final String DEFAULTS = "/io/rtdp/platform/rtdp-defaults.yaml";

    private final Map<String, String> values;

    public Settings(Map<String, String> values) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public static Settings load(Path file, Map<String, String> env, List<String> overrides) {
        Map<String, String> merged = new LinkedHashMap<>();
        try (InputStream defaults = Settings.class.getResourceAsStream(DEFAULTS)) {
            flatten("", YAML.readTree(defaults), merged);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the launcher's defaults " + DEFAULTS, e);
        }
        if (file != null) {
            Map<String, String> fromFile = new LinkedHashMap<>();
            try {
                flatten("", YAML.readTree(Files.readString(file)), fromFile);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read settings file " + file + ": " + e.getMessage(), e);
            }
            putKnown(merged, fromFile, "in " + file);
        }
        for (String key : List.copyOf(merged.keySet())) {
            String value = env.get(envName(key));
            if (value != null) {
                merged.put(key, value);
            }
        }
        Map<String, String> fromFlags = new LinkedHashMap<>();
        for (String override : overrides) {
            int eq = override.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("--set takes key=value, for example --set kafka.port=19092; got '" + override + "'");
            }
            fromFlags.put(override.substring(0, eq).trim(), override.substring(eq + 1).trim());
        }
        putKnown(merged, fromFlags, "in --set");
        return new Settings(merged);
    }

    /** kafka.controller-port → RTDP_KAFKA_CONTROLLER_PORT */
    public static String envName(String key) {
        return "RTDP_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    public String string(String key) {
        String value = values.get(key);
        if (value == null) {
            throw new IllegalArgumentException("no setting " + key);
        }
        return value;
    }

    public int port(String key) {
        String value = string(key);
        try {
            int port = Integer.parseInt(value);
            if (port > 0 && port < 65536) {
                return port;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException(key + " must be a port number (1-65535), not '" + value + "'");
    }

    public boolean flag(String key) {
        String value = string(key);
        if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
            throw new IllegalArgumentException(key + " must be true or false, not '" + value + "'");
        }
        return Boolean.parseBoolean(value);
    }

    public Settings with(String key, String value) {
        Map<String, String> copy = new LinkedHashMap<>(values);
        copy.put(key, value);
        return new Settings(copy);
    }

    public Map<String, String> asMap() {
        return values;
    }

    private static void putKnown(Map<String, String> into, Map<String, String> from, String where) {
        for (Map.Entry<String, String> e : from.entrySet()) {
            if (!into.containsKey(e.getKey())) {
                throw new IllegalArgumentException("unknown setting '" + e.getKey() + "' " + where
                        + "; known settings: " + String.join(", ", into.keySet()));
            }
            into.put(e.getKey(), e.getValue());
        }
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> into) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return;
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                flatten(prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(), field.getValue(), into);
            }
        } else {
            into.put(prefix, node.asText());
        }
    }
}
