package io.rtdp.bench.freshness;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * CPU time each server of the platform has used so far (its process and the processes it started,
 * as PostgreSQL's backends), read from the pids {@code ./rtdp up} wrote in the data directory, plus
 * this benchmark's own process: where a rate the machine cannot carry spends its cores.
 */
final class ServerCpu {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ServerCpu() {
    }

    static Map<String, Duration> snapshot(Path dataDir) throws IOException {
        Map<String, Duration> used = new LinkedHashMap<>();
        for (JsonNode process : JSON.readTree(dataDir.resolve("run").resolve("state.json").toFile()).path("processes")) {
            ProcessHandle.of(process.path("pid").asLong())
                    .ifPresent(p -> used.put(process.path("name").asText(), cpuWithDescendants(p)));
        }
        used.put("benchmark (load and probes)", cpu(ProcessHandle.current()));
        return used;
    }

    /** Per server, milliseconds of CPU per 1 000 readings and cores used between two snapshots. */
    static void print(Map<String, Duration> before, Map<String, Duration> after, long readings, Duration elapsed) {
        long total = 0;
        StringBuilder line = new StringBuilder();
        for (Map.Entry<String, Duration> e : after.entrySet()) {
            long used = e.getValue().minus(before.getOrDefault(e.getKey(), Duration.ZERO)).toMillis();
            total += used;
            line.append(String.format("%n  %-28s %6.1f ms per 1000 readings, %.2f cores", e.getKey(), used * 1000.0 / readings,
                    used / (double) elapsed.toMillis()));
        }
        System.out.printf("freshness: CPU while measuring (%d readings in %.0f s), %.2f of %d cores in all:%s%n", readings,
                elapsed.toMillis() / 1000.0, total / (double) elapsed.toMillis(), Runtime.getRuntime().availableProcessors(), line);
    }

    private static Duration cpuWithDescendants(ProcessHandle process) {
        return Stream.concat(Stream.of(process), process.descendants()).map(ServerCpu::cpu).reduce(Duration.ZERO, Duration::plus);
    }

    private static Duration cpu(ProcessHandle process) {
        return process.info().totalCpuDuration().orElse(Duration.ZERO);
    }
}
