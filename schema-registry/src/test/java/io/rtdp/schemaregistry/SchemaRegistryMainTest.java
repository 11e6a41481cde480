package io.rtdp.schemaregistry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.rtdp.embedded.net.Ports;
import io.rtdp.testkit.KafkaBrokerExtension;

/**
 * The registry as the launcher runs it: its own JVM on target/classpath.txt + target/classes, a
 * config file, one "ready" line on standard output, then GET /subjects answers 200.
 */
class SchemaRegistryMainTest {
    @RegisterExtension
    static final KafkaBrokerExtension kafka = new KafkaBrokerExtension();

    @TempDir
    Path dir;

    @Test
    void startsFromAConfigFileAndSaysWhenReady() throws Exception {
        int port = Ports.free();
        Path config = Files.writeString(dir.resolve("schema-registry.yaml"), """
                listeners: http://127.0.0.1:%d
                kafkastore.bootstrap.servers: %s
                kafkastore.topic.replication.factor: 1
                """.formatted(port, kafka.bootstrapServers()));
        String classpath = Files.readString(Path.of("target", "classpath.txt")).trim()
                + File.pathSeparator + Path.of("target", "classes").toAbsolutePath();
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classpath, SchemaRegistryMain.class.getName(), config.toString())
                .redirectErrorStream(true).start();
        List<String> output = new ArrayList<>();
        try {
            CompletableFuture<String> ready = CompletableFuture.supplyAsync(() -> readyLine(process, output));
            String line = ready.get(60, TimeUnit.SECONDS);
            assertThat(line).as(String.join("\n", output)).contains("Schema registry ready at http://127.0.0.1:" + port);
            Http.Response subjects = new Http("http://127.0.0.1:" + port).get("/subjects");
            assertThat(subjects.status()).isEqualTo(200);
            assertThat(subjects.body()).isEqualTo("[]");
        } finally {
            process.destroy();
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    private static String readyLine(Process process, List<String> output) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                synchronized (output) {
                    output.add(line);
                }
                if (line.contains("Schema registry ready at")) {
                    return line;
                }
            }
            return "process ended without a ready line: " + String.join("\n", output);
        } catch (IOException e) {
            return "cannot read the output: " + e;
        }
    }
}
