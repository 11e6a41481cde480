package io.rtdp.platform.pipelines;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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
        Run apply = run("apply", line -> out.println("    " + line));
        if (apply.exitCode() != 0) {
            throw new PipelineException("the KSQL migrations of " + directory() + " stopped:\n" + apply.errors());
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

    private record Run(int exitCode, String errors) {
    }
}
