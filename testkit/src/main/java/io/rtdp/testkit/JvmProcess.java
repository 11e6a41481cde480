package io.rtdp.testkit;

import java.io.IOException;
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
 * A server in a JVM of its own, started by a test or a benchmark: one a test kills the way a machine
 * dies, or a module of the build run as {@code ./rtdp up} runs it (the query service's Jetty line and
 * the Connect worker's must not share a classpath). Its output goes to a log file; it is ready once
 * a URL answers 200. {@link #close} stops it, and so does a shutdown hook if the starting JVM ends
 * first (a test run or benchmark stopped with Ctrl-C or SIGTERM), so that no child keeps running.
 */
public final class JvmProcess implements AutoCloseable {
    private static final Duration GRACE = Duration.ofSeconds(20);

    private final String name;
    private final Process process;
    private final Path log;
    private final Thread stopOnExit;

    private JvmProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.stopOnExit = new Thread(this::stop, "stop " + name);
        Runtime.getRuntime().addShutdownHook(stopOnExit);
    }

    /** A module's runtime classpath as the build writes it: its target/classes and target/classpath.txt. */
    public static String moduleClasspath(Path home, String module) throws IOException {
        Path target = home.resolve(module).resolve("target");
        Path classpath = target.resolve("classpath.txt");
        if (!Files.exists(classpath)) {
            throw new IllegalStateException(module + " is not built (no " + classpath + "): run mvn -B -DskipTests install");
        }
        return target.resolve("classes") + ":" + Files.readString(classpath).trim();
    }

    /**
     * Starts {@code java JVM_OPTIONS -cp CLASSPATH MAIN_CLASS ARGS} with this JVM's java, its output
     * (stdout and stderr) to {@code log}; see {@link #awaitReady}.
     */
    public static JvmProcess start(String name, List<String> jvmOptions, String classpath, String mainClass,
            List<String> args, Path log) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", classpath, mainClass));
        command.addAll(args);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new JvmProcess(name, process, log);
    }

    public String name() {
        return name;
    }

    /** The CPU time the process has used so far, all its threads together. */
    public Duration cpuTime() {
        return process.info().totalCpuDuration()
                .orElseThrow(() -> new IllegalStateException("this OS does not report the CPU time of " + name));
    }

    /** Waits until GET url answers 200; fails with the end of the log if the process exits or time runs out. */
    public JvmProcess awaitReady(String url, Duration within) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(1))
                .build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + logTail());
            }
            try {
                if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return this;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(name + " not ready at " + url + " within " + within + logTail());
    }

    /** Kills the process with SIGKILL, the way a machine or process dies, and waits until it is gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException(name + " did not die within 30 s of SIGKILL");
        }
    }

    /** Stops the process (SIGTERM, then SIGKILL after 20 s) if it still runs. */
    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs anyway, and finds the process gone
        }
    }

    private void stop() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(GRACE.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return "; the end of its log " + log + ":\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "; see its log " + log + " (unreadable here: " + e + ")";
        }
    }
}
