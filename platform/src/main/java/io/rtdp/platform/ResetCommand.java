package io.rtdp.platform;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import io.rtdp.platform.config.DataDir;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "reset", description = "Deletes all the platform's data: topics, Connect state, PostgreSQL data, logs.")
final class ResetCommand implements Callable<Integer> {
    @Mixin
    PlatformOptions options;

    @Option(names = "--yes", description = "Do not ask for confirmation.")
    boolean yes;

    @Override
    public Integer call() throws IOException {
        DataDir dataDir = options.dataDir();
        if (options.platform().state().map(s -> s.anyAlive()).orElse(false)) {
            System.out.println("rtdp is running with data dir " + dataDir.root() + ": stop it first with ./rtdp down");
            return 1;
        }
        if (!Files.exists(dataDir.root())) {
            System.out.println("Nothing to reset: " + dataDir.root() + " does not exist.");
            return 0;
        }
        if (!yes && !confirmed(dataDir.root())) {
            System.out.println("Nothing deleted.");
            return 1;
        }
        try (Stream<Path> walk = Files.walk(dataDir.root())) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
        System.out.println("Deleted " + dataDir.root() + ". The next ./rtdp up starts from nothing.");
        return 0;
    }

    private static boolean confirmed(Path root) throws IOException {
        System.out.print("Delete everything under " + root + " (Kafka topics, Connect connectors and offsets, "
                + "PostgreSQL data, logs)? Type yes to confirm: ");
        System.out.flush();
        String answer = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        if (answer == null) {
            System.out.println();
            System.out.println("No answer on standard input; use ./rtdp reset --yes to reset without asking.");
            return false;
        }
        return answer.trim().equalsIgnoreCase("yes");
    }
}
