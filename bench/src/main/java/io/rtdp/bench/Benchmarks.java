package io.rtdp.bench;

import io.rtdp.bench.engine.EngineBench;
import io.rtdp.bench.freshness.FreshnessBench;
import io.rtdp.bench.query.QueryServiceBench;
import java.util.Arrays;

/** The one main of the module ({@code ./rtdp bench NAME [ARGS]}): picks the benchmark by its first word. */
public final class Benchmarks {
    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        String[] words = String.join(" ", args).trim().split("\\s+");
        String which = words[0].isEmpty() ? "all" : words[0];
        if (which.equals("engine")) {
            EngineBench.main(Arrays.copyOfRange(words, 1, words.length));
        } else if (which.equals("freshness")) {
            FreshnessBench.main(Arrays.copyOfRange(words, 1, words.length));
        } else if (which.equals("query-service")) {
            QueryServiceBench.main(Arrays.copyOfRange(words, 1, words.length));
        } else if (which.matches("generator|ingest|all")) {
            SourceConnectorsBench.main(args);
        } else {
            System.err.println("usage: Benchmarks generator [EVENTS] | ingest [CLIENTS] [SECONDS] | all"
                    + " | engine [RECORDS] [ROUNDS] | query-service [CLIENTS] [SECONDS] [ROUNDS] [OTHER_HOME] | freshness [RATE] [SECONDS]");
            System.exit(2);
        }
    }
}
