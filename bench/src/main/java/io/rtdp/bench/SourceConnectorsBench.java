package io.rtdp.bench;

import java.time.Duration;

/**
 * The source connectors' benchmark: {@code generator [EVENTS]}, {@code ingest [CLIENTS] [SECONDS]},
 * or {@code all}; each on a fresh broker and Connect worker.
 */
public final class SourceConnectorsBench {
    private SourceConnectorsBench() {
    }

    public static void main(String[] args) throws Exception {
        String[] words = String.join(" ", args).trim().split("\\s+");
        String which = words[0].isEmpty() ? "all" : words[0];
        if (which.equals("generator") || which.equals("all")) {
            try (BenchPlatform platform = new BenchPlatform()) {
                GeneratorBench.run(platform, which.equals("generator") && words.length > 1 ? Integer.parseInt(words[1]) : 300_000);
            }
        }
        if (which.equals("ingest") || which.equals("all")) {
            int clients = which.equals("ingest") && words.length > 1 ? Integer.parseInt(words[1]) : 32;
            int seconds = which.equals("ingest") && words.length > 2 ? Integer.parseInt(words[2]) : 10;
            try (BenchPlatform platform = new BenchPlatform()) {
                HttpIngestBench.run(platform, clients, Duration.ofSeconds(seconds));
            }
        }
        if (!which.matches("generator|ingest|all")) {
            System.err.println("usage: SourceConnectorsBench generator [EVENTS] | ingest [CLIENTS] [SECONDS] | all");
            System.exit(2);
        }
    }
}
