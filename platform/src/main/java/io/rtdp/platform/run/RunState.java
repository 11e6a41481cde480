package io.rtdp.platform.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * What a running platform left on disk for the next command: the settings it started with (ports
 * included, as they may have moved) and the processes it started.
 */
public record RunState(Map<String, String> settings, List<ServerProcess> processes) {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * @param startedAtMillis the process's start time, so that a reused pid is not taken for our server
     */
    public record ServerProcess(String name, long pid, long startedAtMillis) {
        public static ServerProcess of(String name, ProcessHandle handle) {
            return new ServerProcess(name, handle.pid(),
                    handle.info().startInstant().map(Instant::toEpochMilli).orElse(System.currentTimeMillis()));
        }

        public boolean alive() {
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .filter(h -> h.info().startInstant().map(s -> Math.abs(s.toEpochMilli() - startedAtMillis) < 2000).orElse(true))
                    .isPresent();
        }
    }

    /** This state with {@code process} as its server of that name (added, or replacing the one it restarts). */
    public RunState with(ServerProcess process) {
        List<ServerProcess> all = new ArrayList<>(processes);
        all.removeIf(p -> p.name().equals(process.name()));
        all.add(process);
        return new RunState(settings, all);
    }

    public boolean anyAlive() {
        return processes.stream().anyMatch(ServerProcess::alive);
    }

    public Optional<ServerProcess> process(String name) {
        return processes.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    public static Optional<RunState> read(Path file) {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(file.toFile(), RunState.class));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + " (delete it if no rtdp process runs)", e);
        }
    }

    public void write(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, JSON.writeValueAsString(this));
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
