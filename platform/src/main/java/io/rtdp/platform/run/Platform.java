package io.rtdp.platform.run;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import io.rtdp.embedded.net.Ports;
import io.rtdp.embedded.process.LogFiles;
import io.rtdp.embedded.process.Signals;
import io.rtdp.platform.component.Component;
import io.rtdp.platform.component.Components;
import io.rtdp.platform.component.PlatformContext;
import io.rtdp.platform.config.DataDir;
import io.rtdp.platform.config.Settings;
import io.rtdp.platform.pipelines.Pipelines;
import io.rtdp.platform.run.RunState.ServerProcess;

/** Starts, stops and reports on the platform's servers, each a process of its own. */
public final class Platform {
    /** Exit code of {@code status} when the platform does not run at all. */
    public static final int NOT_RUNNING = 3;
    /** Exit code of {@code up} when every server runs but the pipelines could not be applied. */
    public static final int PIPELINES_FAILED = 2;
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    private final Path home;
    private final DataDir dataDir;
    private final PrintStream out;
    /** Set once stopping began, so that a Ctrl-C while starting is not also reported as a failed start. */
    private final AtomicBoolean stopping = new AtomicBoolean();

    public Platform(Path home, DataDir dataDir, PrintStream out) {
        this.home = home;
        this.dataDir = dataDir;
        this.out = out;
    }

    public Optional<RunState> state() {
        return RunState.read(dataDir.runState());
    }

    /** Starts every component; returns 0 when all are ready, leaving them running. */
    public int up(Settings requested) {
        Optional<RunState> existing = state();
        if (existing.isPresent() && existing.get().anyAlive()) {
            out.println("rtdp is already running (data dir " + dataDir.root() + ").");
            status();
            // Applying again is how changed pipeline files reach a running platform. Not gated on
            // the table: a busy server can miss one probe, and a part that is really down makes
            // the step fail with the file and statement it stopped at.
            return applyPipelines(contextOf(existing.get()));
        }
        Settings settings;
        try {
            settings = claimPorts(requested);
        } catch (PortTakenException e) {
            out.println(e.getMessage());
            return 1;
        }
        PlatformContext context = new PlatformContext(home, dataDir, settings);
        new RunState(settings.asMap(), List.of()).write(dataDir.runState());
        // Ctrl-C while starting stops what was started so far, instead of leaving it behind.
        Thread abort = new Thread(() -> state().ifPresent(s -> stop(s, context)), "rtdp-abort-start");
        Runtime.getRuntime().addShutdownHook(abort);
        int started;
        try {
            started = startAll(context);
        } finally {
            removeHook(abort);
        }
        return started == 0 ? applyPipelines(context) : started;
    }

    /** The shipped pipelines, on every up: 0 when applied (or turned off), 2 when the platform runs without them. */
    private int applyPipelines(PlatformContext context) {
        if (!Pipelines.enabled(context.settings())) {
            return 0;
        }
        return new Pipelines(context, out).apply() ? 0 : PIPELINES_FAILED;
    }

    private int startAll(PlatformContext context) {
        RunState state = state().orElseThrow();
        out.println("Starting rtdp (data dir " + dataDir.root() + ", logs in " + dataDir.logs() + ")");
        for (Component component : Components.all(context)) {
            long begin = System.nanoTime();
            out.print("  " + component.name() + " ... ");
            out.flush();
            try {
                state = start(component, state);
            } catch (StartFailedException e) {
                if (stopping.get()) {
                    return 130;
                }
                out.println("FAILED");
                out.println();
                out.println(component.name() + " did not start: " + e.getMessage());
                Path log = dataDir.log(component.name());
                out.println("Last lines of " + log + ":");
                out.println(LogFiles.tail(log, 20));
                out.println();
                out.println("Stopping what was started.");
                stop(state, context);
                return 1;
            }
            out.printf("ready in %.1f s%n", (System.nanoTime() - begin) / 1e9);
        }
        out.println();
        printTable(context, state);
        return 0;
    }

    private RunState start(Component component, RunState state) throws StartFailedException {
        Path log = dataDir.log(component.name());
        Process process;
        try {
            Files.createDirectories(log.getParent());
            component.prepare();
            List<String> command = new ArrayList<>();
            // A session of its own: Ctrl-C in the launcher's terminal reaches the launcher only, which
            // then stops the servers in order; and the servers outlive a launcher that returned (up -d).
            command.add("setsid");
            command.addAll(component.command());
            ProcessBuilder builder = new ProcessBuilder(command);
            builder.environment().putAll(component.environment());
            process = builder
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
        } catch (IOException | RuntimeException e) {
            throw new StartFailedException("could not launch it: " + e.getMessage());
        }
        RunState next = state.with(ServerProcess.of(component.name(), process.toHandle()));
        next.write(dataDir.runState());
        long deadline = System.nanoTime() + component.startTimeout().toNanos();
        while (!component.ready()) {
            if (!process.isAlive()) {
                throw new StartFailedException("its process exited with code " + process.exitValue());
            }
            if (System.nanoTime() > deadline) {
                throw new StartFailedException("not ready within " + component.startTimeout().toSeconds() + " s");
            }
            sleep(200);
        }
        try {
            component.afterReady();
        } catch (RuntimeException e) {
            throw new StartFailedException("started, but setting it up failed: " + e.getMessage());
        }
        return next;
    }

    /** Stops the running platform; says so when nothing runs. */
    public int down() {
        Optional<RunState> state = state();
        if (state.isEmpty()) {
            out.println("rtdp is not running (data dir " + dataDir.root() + "): nothing to stop.");
            return 0;
        }
        out.println("Stopping rtdp (data dir " + dataDir.root() + ")");
        stop(state.get(), contextOf(state.get()));
        return 0;
    }

    /**
     * Stops one server of the running platform and starts it again with the same settings, the
     * others running on: how an operator applies a changed setting or recovers a stuck server, and
     * how the end-to-end test checks that a restart mid-stream loses and repeats nothing.
     */
    public int restart(String name) {
        Optional<RunState> state = state();
        if (state.isEmpty()) {
            out.println("rtdp is not running (data dir " + dataDir.root() + "): nothing to restart. Start it with ./rtdp up");
            return NOT_RUNNING;
        }
        PlatformContext context = contextOf(state.get());
        List<Component> all = Components.all(context);
        Optional<Component> component = all.stream().filter(c -> c.name().equals(name)).findFirst();
        if (component.isEmpty()) {
            out.println("rtdp has no server named '" + name + "'; restart one of: "
                    + all.stream().map(Component::name).collect(java.util.stream.Collectors.joining(", ")));
            return 1;
        }
        Optional<ServerProcess> process = state.get().process(name);
        if (process.isPresent() && process.get().alive()) {
            out.print("  " + name + " ... ");
            out.flush();
            boolean clean = Signals.stop(process.get().pid(), component.get().stopSignal(), STOP_GRACE);
            out.println(clean ? "stopped" : "killed (it did not stop within " + STOP_GRACE.toSeconds() + " s)");
        }
        long begin = System.nanoTime();
        out.print("  " + name + " ... ");
        out.flush();
        try {
            start(component.get(), state.get());
        } catch (StartFailedException e) {
            out.println("FAILED");
            out.println(name + " did not start again: " + e.getMessage() + "; its log: " + dataDir.log(name));
            return 1;
        }
        out.printf("ready in %.1f s%n", (System.nanoTime() - begin) / 1e9);
        return 0;
    }

    private void stop(RunState state, PlatformContext context) {
        if (!stopping.compareAndSet(false, true)) {
            return;
        }
        List<Component> components = new ArrayList<>(Components.all(context));
        java.util.Collections.reverse(components);
        for (Component component : components) {
            Optional<ServerProcess> process = state.process(component.name());
            if (process.isEmpty()) {
                continue;
            }
            if (!process.get().alive()) {
                out.println("  " + component.name() + " was not running");
                continue;
            }
            out.print("  " + component.name() + " ... ");
            out.flush();
            boolean clean = Signals.stop(process.get().pid(), component.stopSignal(), STOP_GRACE);
            out.println(clean ? "stopped" : "killed (it did not stop within " + STOP_GRACE.toSeconds() + " s)");
        }
        try {
            Files.deleteIfExists(dataDir.runState());
        } catch (IOException e) {
            out.println("could not delete " + dataDir.runState() + ": " + e.getMessage());
        }
    }

    /** Prints the table; 0 when every component is up, {@link #NOT_RUNNING} when none was started. */
    public int status() {
        Optional<RunState> state = state();
        if (state.isEmpty()) {
            out.println("rtdp is not running (data dir " + dataDir.root() + "). Start it with ./rtdp up");
            return NOT_RUNNING;
        }
        PlatformContext context = contextOf(state.get());
        return printTable(context, state.get()) ? 0 : 1;
    }

    private boolean printTable(PlatformContext context, RunState state) {
        StatusTable table = new StatusTable();
        boolean allUp = true;
        for (Component component : Components.all(context)) {
            Optional<ServerProcess> process = state.process(component.name());
            String status;
            if (process.isEmpty()) {
                status = "DOWN (not started)";
            } else if (!process.get().alive()) {
                status = "DOWN (process " + process.get().pid() + " is gone; see " + dataDir.log(component.name()) + ")";
            } else if (!component.ready()) {
                status = "DOWN (process " + process.get().pid() + " runs but does not answer)";
            } else {
                status = "UP (pid " + process.get().pid() + ")";
            }
            allUp &= status.startsWith("UP");
            table.add(component.name(), component.url(), status);
        }
        table.print(out);
        return allUp;
    }

    /** Checks every port before anything starts; a movable one moves to the next free port. */
    private Settings claimPorts(Settings settings) throws PortTakenException {
        Settings claimed = settings;
        for (Component component : Components.all(new PlatformContext(home, dataDir, settings))) {
            for (Component.PortClaim claim : component.ports()) {
                if (Ports.isFree(claim.host(), claim.port())) {
                    continue;
                }
                if (!claim.movable()) {
                    throw new PortTakenException(component.name() + " cannot start: port " + claim.port() + " on "
                            + claim.host() + " (" + claim.settingKey() + ") is already in use by another program.\n"
                            + "Stop that program, or give " + component.name() + " another port: --set "
                            + claim.settingKey() + "=<port>, " + Settings.envName(claim.settingKey())
                            + "=<port>, or " + claim.settingKey() + " in rtdp.yaml.");
                }
                int moved = Ports.firstFreeFrom(claim.host(), claim.port() + 1);
                out.println(component.name() + ": port " + claim.port() + " is in use, using port " + moved + " instead.");
                claimed = claimed.with(claim.settingKey(), Integer.toString(moved));
            }
        }
        return claimed;
    }

    /** Runs in the foreground until Ctrl-C (or {@code ./rtdp down} from elsewhere), then stops everything. */
    public void waitInForeground() {
        Thread stopper = new Thread(() -> {
            Optional<RunState> state = state();
            if (state.isPresent()) {
                out.println();
                stop(state.get(), contextOf(state.get()));
            }
        }, "rtdp-stop");
        Runtime.getRuntime().addShutdownHook(stopper);
        out.println("rtdp is running. Press Ctrl-C to stop it (or run ./rtdp down).");
        List<String> reportedGone = new ArrayList<>();
        while (true) {
            Optional<RunState> state = state();
            if (state.isEmpty()) {
                return;
            }
            for (ServerProcess p : state.get().processes()) {
                if (!stopping.get() && !p.alive() && !reportedGone.contains(p.name())) {
                    reportedGone.add(p.name());
                    out.println(p.name() + " exited; its log: " + dataDir.log(p.name()));
                }
            }
            sleep(1000);
        }
    }

    /** The components as they were started: with the settings (ports included) the run state recorded. */
    private PlatformContext contextOf(RunState state) {
        return new PlatformContext(home, dataDir, new Settings(state.settings()));
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or has run: nothing to remove
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static final class StartFailedException extends Exception {
        StartFailedException(String message) {
            super(message);
        }
    }

    private static final class PortTakenException extends Exception {
        PortTakenException(String message) {
            super(message);
        }
    }
}
