package io.rtdp.embedded.process;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/** Stops processes the way each server wants to be stopped, then makes sure they are gone. */
public final class Signals {
    private Signals() {
    }

    /** Sends a named signal (TERM, INT, KILL) through the system's {@code kill}: Java can only send TERM and KILL. */
    public static void send(long pid, String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            kill.waitFor();
        } catch (IOException e) {
            throw new IllegalStateException("cannot run kill -" + signal + " " + pid + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Sends {@code signal}, waits up to {@code grace} for the process to exit, then kills it.
     * Returns true when it exited by itself within the grace period.
     */
    public static boolean stop(long pid, String signal, Duration grace) {
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        if (handle.isEmpty() || !handle.get().isAlive()) {
            return true;
        }
        send(pid, signal);
        if (waitForExit(handle.get(), grace)) {
            return true;
        }
        handle.get().destroyForcibly();
        waitForExit(handle.get(), Duration.ofSeconds(10));
        return false;
    }

    private static boolean waitForExit(ProcessHandle process, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (process.isAlive() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return !process.isAlive();
            }
        }
        return !process.isAlive();
    }
}
