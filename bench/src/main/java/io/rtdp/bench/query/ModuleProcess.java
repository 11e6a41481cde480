package io.rtdp.bench.query;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A server of the build in a JVM of its own, on its module's runtime classpath ({@code target/classes}
 * and the {@code target/classpath.txt} the build writes), as {@code ./rtdp up} runs it: the query
 * service's Jetty line and the Connect worker's must not share a classpath.
 */
final class ModuleProcess implements AutoCloseable {
    private final String name;
    private final Process process;
    private final Path log;

    private ModuleProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    static ModuleProcess start(Path home, String module, String mainClass, Path logDir, String... args) throws IOException {
        Path target = home.resolve(module).resolve("target");
        Path classpath = target.resolve("classpath.txt");
        if (!Files.exists(classpath)) {
            throw new IllegalStateException(module + " is not built (no " + classpath + "): run mvn -B -DskipTests install");
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-cp", target.resolve("classes") + ":" + Files.readString(classpath).trim(), mainClass));
        command.addAll(List.of(args));
        Path log = logDir.resolve(module + ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new ModuleProcess(module, process, log);
    }

    String name() {
        return name;
    }

    /** The CPU time the process has used so far, all its threads together. */
    Duration cpuTime() {
        return process.info().totalCpuDuration()
                .orElseThrow(() -> new IllegalStateException("this OS does not report the CPU time of " + name));
    }

    /** Waits until GET url answers 200; fails naming the log if the process dies or time runs out. */
    void awaitReady(String url, Duration within) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(1))
                .build();
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2))
                        .build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(name + " not ready at " + url + " within " + within + "; see " + log);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
