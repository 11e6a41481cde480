package io.rtdp.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.rtdp.embedded.net.Ports;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Child JVMs of this test's classpath: a tiny HTTP server, one that fails at once, and one that starts another. */
class JvmProcessTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String CLASSPATH = System.getProperty("java.class.path");

    @TempDir
    Path dir;

    @Test
    void isReadyOnceItsUrlAnswers200AndStopsWhenClosed() throws Exception {
        int port = Ports.free();
        try (JvmProcess server = start(HttpChild.class, String.valueOf(port))) {
            server.awaitReady("http://127.0.0.1:" + port + "/", WAIT);
            assertThat(listening(port)).isTrue();
        }
        assertThat(listening(port)).as("stopped by close").isFalse();
    }

    @Test
    void aProcessThatExitsBeforeItIsReadyFailsWithTheEndOfItsLog() throws Exception {
        try (JvmProcess failing = start(FailingChild.class)) {
            assertThatThrownBy(() -> failing.awaitReady("http://127.0.0.1:" + Ports.free() + "/", WAIT))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("FailingChild exited with 3")
                    .hasMessageContaining("no such settings file");
        }
    }

    @Test
    void aChildStopsWhenTheJvmThatStartedItIsTerminated() throws Exception {
        int port = Ports.free();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process parent = new ProcessBuilder(java, "-cp", CLASSPATH, ParentOfChild.class.getName(), String.valueOf(port),
                dir.resolve("child.log").toString()).redirectErrorStream(true).start();
        List<ProcessHandle> children = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(parent.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            do {
                line = out.readLine();
            } while (line != null && !line.startsWith("child ready"));
            assertThat(line).as("the parent's report that its child is ready").isNotNull();
            assertThat(listening(port)).isTrue();
            children.addAll(parent.descendants().toList());

            parent.destroy();

            await().atMost(WAIT).until(() -> !parent.isAlive());
            await().atMost(WAIT).until(() -> !listening(port));
        } finally {
            // Should the hook fail, the child is not left running after the test.
            parent.destroyForcibly();
            children.forEach(ProcessHandle::destroyForcibly);
        }
    }

    private JvmProcess start(Class<?> main, String... args) throws IOException {
        return JvmProcess.start(main.getSimpleName(), List.of("-Xmx64m"), CLASSPATH, main.getName(), List.of(args),
                dir.resolve(main.getSimpleName() + ".log"));
    }

    private static boolean listening(int port) {
        try (Socket ignored = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Answers 200 on every path of the port it is given. */
    public static final class HttpChild {
        public static void main(String[] args) throws IOException {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[0])), 0);
            server.createContext("/", exchange -> {
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
            });
            server.start();
        }
    }

    /** Fails the way a server with a bad configuration does: a message, then exit status 3. */
    public static final class FailingChild {
        public static void main(String[] args) {
            System.err.println("no such settings file");
            System.exit(3);
        }
    }

    /** Starts an {@link HttpChild} and never closes it: only the shutdown hook can stop it. */
    public static final class ParentOfChild {
        public static void main(String[] args) throws Exception {
            JvmProcess child = JvmProcess.start("child", List.of("-Xmx64m"), CLASSPATH, HttpChild.class.getName(),
                    List.of(args[0]), Path.of(args[1]));
            child.awaitReady("http://127.0.0.1:" + args[0] + "/", WAIT);
            System.out.println("child ready");
            Thread.sleep(Long.MAX_VALUE);
        }
    }
}
