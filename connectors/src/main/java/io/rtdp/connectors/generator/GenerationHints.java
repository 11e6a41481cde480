package io.rtdp.connectors.generator;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The "gen" object of an Avro field: how to generate its values. Unknown or ill-formed hints are
 * errors that name the field, never silently ignored.
 */
record GenerationHints(String path, Map<String, Object> raw) {
    private static final Set<String> KNOWN = Set.of("range", "choices", "sequence", "length", "null.ratio", "items", "values");

    static GenerationHints none(String path) {
        return new GenerationHints(path, Map.of());
    }

    @SuppressWarnings("unchecked")
    static GenerationHints of(String path, Object gen) {
        if (gen == null) {
            return none(path);
        }
        if (!(gen instanceof Map)) {
            throw error(path, "\"gen\" must be a JSON object, got " + gen);
        }
        Map<String, Object> raw = (Map<String, Object>) gen;
        for (String key : raw.keySet()) {
            if (!KNOWN.contains(key)) {
                throw error(path, "unknown generation hint \"" + key + "\"; known: " + String.join(", ", KNOWN.stream().sorted().toList()));
            }
        }
        return new GenerationHints(path, raw);
    }

    boolean has(String hint) {
        return raw.containsKey(hint);
    }

    /** Hints that only some types take: an error naming the field when present on another type. */
    void allowOnly(String type, String... allowed) {
        Set<String> ok = Set.of(allowed);
        for (String key : raw.keySet()) {
            if (!ok.contains(key)) {
                throw error(path, "hint \"" + key + "\" does not apply to " + type + " fields");
            }
        }
    }

    double[] range(double defaultMin, double defaultMax) {
        if (!has("range")) {
            return new double[] {defaultMin, defaultMax};
        }
        Map<String, Object> range = object("range");
        double min = number(range, "min", "range");
        double max = number(range, "max", "range");
        if (min > max) {
            throw error(path, "range needs min <= max, got min " + min + " and max " + max);
        }
        return new double[] {min, max};
    }

    int[] length(int defaultMin, int defaultMax) {
        if (!has("length")) {
            return new int[] {defaultMin, defaultMax};
        }
        Map<String, Object> length = object("length");
        int min = (int) number(length, "min", "length");
        int max = (int) number(length, "max", "length");
        if (min < 0 || min > max) {
            throw error(path, "length needs 0 <= min <= max, got min " + min + " and max " + max);
        }
        return new int[] {min, max};
    }

    List<Object> choices() {
        Object choices = raw.get("choices");
        if (!(choices instanceof List<?> list) || list.isEmpty()) {
            throw error(path, "choices must be a non-empty JSON array");
        }
        return List.copyOf(list);
    }

    /** start, step and prefix of a sequence; value N is start + N * step. */
    Sequence sequence() {
        Map<String, Object> seq = object("sequence");
        long start = seq.containsKey("start") ? (long) number(seq, "start", "sequence") : 0L;
        long step = seq.containsKey("step") ? (long) number(seq, "step", "sequence") : 1L;
        Object prefix = seq.getOrDefault("prefix", "");
        return new Sequence(start, step, prefix.toString());
    }

    record Sequence(long start, long step, String prefix) {
        long at(long n) {
            return start + n * step;
        }
    }

    double nullRatio() {
        if (!has("null.ratio")) {
            return 0.0;
        }
        Object v = raw.get("null.ratio");
        if (!(v instanceof Number n) || n.doubleValue() < 0 || n.doubleValue() > 1) {
            throw error(path, "null.ratio must be a number between 0 and 1, got " + v);
        }
        return n.doubleValue();
    }

    GenerationHints nested(String hint, String suffix) {
        return of(path + suffix, raw.get(hint));
    }

    /** The hints without null.ratio, which belongs to the union, not to the type inside it. */
    GenerationHints withoutNullRatio() {
        Map<String, Object> copy = new java.util.LinkedHashMap<>(raw);
        copy.remove("null.ratio");
        return new GenerationHints(path, copy);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> object(String hint) {
        Object v = raw.get(hint);
        if (!(v instanceof Map)) {
            throw error(path, hint + " must be a JSON object, got " + v);
        }
        return (Map<String, Object>) v;
    }

    private double number(Map<String, Object> map, String key, String hint) {
        Object v = map.get(key);
        if (!(v instanceof Number n)) {
            throw error(path, hint + "." + key + " must be a number, got " + v);
        }
        return n.doubleValue();
    }

    static IllegalArgumentException error(String path, String message) {
        return new IllegalArgumentException("field '" + path + "': " + message);
    }
}
