package io.rtdp.query;

import static io.rtdp.query.ErrorBodies.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * PostgreSQL that accepts connections but never answers (its processes stopped with SIGSTOP): the
 * worst case for a client, where only timeouts help. The service must still answer 503 in time.
 */
class DatabaseHangTest {
    /** limits.queryTimeout (2 s in test-config.yml), with margin; the driver alone took 12 s here. */
    private static final Duration BOUND = Duration.ofSeconds(4);

    @RegisterExtension
    static final TestService service = new TestService();

    @Test
    void answers503WithinTheBoundWhilePostgresHangs() throws Exception {
        Http api = service.api();
        assertThat(api.reader("/v1/device_stats/dev-1").statusCode()).isEqualTo(200);
        List<Long> pids = stopPostgres();
        try {
            long start = System.nanoTime();
            HttpResponse<String> response = api.reader("/v1/device_stats?device_id=dev-1");
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertError(response, 503, "database_unavailable");
            assertThat(response.headers().firstValue("Retry-After")).hasValue("7");
            assertThat(took).isLessThan(BOUND);

            long readyStart = System.nanoTime();
            assertThat(service.admin().get("/ready").statusCode()).isEqualTo(503);
            assertThat(Duration.ofNanos(System.nanoTime() - readyStart)).isLessThan(BOUND);
        } finally {
            for (long pid : pids) {
                signal("-CONT", pid);
            }
        }
        // Once PostgreSQL answers again, so does the service, without a restart.
        assertThat(api.reader("/v1/device_stats/dev-1").statusCode()).isEqualTo(200);
    }

    /**
     * Stops the postmaster (first line of postmaster.pid in the data directory) and then its
     * children: once it is stopped it forks no new ones, so none escapes. A child may exit between
     * listing and signalling; only the postmaster must be stopped for sure.
     */
    private static List<Long> stopPostgres() throws Exception {
        String dataDirectory;
        try (Connection connection = service.postgres().connection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SHOW data_directory")) {
            rows.next();
            dataDirectory = rows.getString(1);
        }
        long postmaster = Long.parseLong(Files.readAllLines(Path.of(dataDirectory, "postmaster.pid")).get(0).trim());
        assertThat(signal("-STOP", postmaster)).isTrue();
        List<Long> stopped = new ArrayList<>(List.of(postmaster));
        for (ProcessHandle child : ProcessHandle.of(postmaster).orElseThrow().descendants().toList()) {
            if (signal("-STOP", child.pid())) {
                stopped.add(child.pid());
            }
        }
        return stopped;
    }

    private static boolean signal(String signal, long pid) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", signal, Long.toString(pid)).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return kill.waitFor() == 0;
    }
}
