package io.rtdp.platform.pipelines;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import io.rtdp.platform.component.JvmCommand;

/**
 * Applies the KSQL migrations of {@code ksql/} with the ksql-migrations tool, run as
 * {@code ./rtdp ksql migrate} runs it: a JVM of its own on that module's classpath, so the
 * launcher's classpath stays Kafka's. The tool keeps the record of applied versions in the KSQL
 * server, so this is a no-op when every version is applied.
 */
final class KsqlMigrationsStep {
    private static final String MAIN = "io.rtdp.ksql.migrations.MigrationsMain";
    /** How long the migration record may take to become readable after the tool first creates it. */
    private static final Duration RECORD_READY = Duration.ofSeconds(60);

    private final Path home;
    private final String serverUrl;
    private final PrintStream out;

    KsqlMigrationsStep(Path home, String serverUrl, PrintStream out) {
        this.home = home;
        this.serverUrl = serverUrl;
        this.out = out;
    }

    Path directory() {
        return home.resolve("ksql");
    }

    void apply() throws PipelineException {
        awaitRecord();
        Run apply = run("apply", line -> out.println("    " + line));
        if (apply.exitCode() != 0) {
            throw new PipelineException("the KSQL migrations of " + directory() + " stopped:\n" + apply.errors());
        }
    }

    /**
     * The tool creates the record (a table) on its first run and reads it with a pull query, which
     * the server answers only once that table's query runs: a fresh platform needs a few seconds.
     */
    private void awaitRecord() throws PipelineException {
        long deadline = System.nanoTime() + RECORD_READY.toNanos();
        while (true) {
            Run info = run("info", line -> { });
            if (info.exitCode() == 0) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new PipelineException("the KSQL migration record at " + serverUrl + " is not readable after "
                        + RECORD_READY.toSeconds() + " s:\n" + info.errors());
            }
            sleep(2000);
        }
    }

    /** Runs the tool; {@code onLine} gets each line of its output as it comes (the progress of apply). */
    private Run run(String subcommand, Consumer<String> onLine) throws PipelineException {
        List<String> command = JvmCommand.onModuleClasspath(home, "ksql-migrations", "-Xmx128m -XX:TieredStopAtLevel=1",
                MAIN, "--server", serverUrl, "--dir", directory().toString(), "--timeout", "PT60S", subcommand);
        try {
            Process process = new ProcessBuilder(command)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectError(ProcessBuilder.Redirect.PIPE)
                    .start();
            List<String> errors = new ArrayList<>();
            Thread stderr = new Thread(() -> readLines(process.errorReader(StandardCharsets.UTF_8), errors::add),
                    "ksql-migrate-stderr");
            stderr.start();
            readLines(process.inputReader(StandardCharsets.UTF_8), onLine);
            int code = process.waitFor();
            stderr.join();
            return new Run(code, String.join("\n", errors));
        } catch (IOException | UncheckedIOException e) {
            throw new PipelineException("cannot run the ksql-migrations tool: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PipelineException("interrupted while applying the KSQL migrations");
        }
    }

    private static void readLines(BufferedReader reader, Consumer<String> onLine) {
        try (reader) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                onLine.accept(line);
            }
        } catch (IOException e) {
            onLine.accept("(output cut: " + e.getMessage() + ")");
        }
    }

    private static void sleep(long millis) throws PipelineException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PipelineException("interrupted while waiting for the KSQL server");
        }
    }

    private record Run(int exitCode, String errors) {
    }
}
