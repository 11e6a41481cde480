package io.rtdp.ksql.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.rtdp.testkit.KafkaBrokerExtension;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The server as the launcher runs it: its own JVM from target/classes + target/classpath.txt and a properties file. */
class KsqlServerMainTest {
  @RegisterExtension
  static final KafkaBrokerExtension kafka = new KafkaBrokerExtension();

  private static final Pattern READY = Pattern.compile("KSQL server ready at (http://\\S+)");

  @Test
  void logsOneReadyLineWithItsUrlAndServesInfo() throws Exception {
    Path dir = Files.createTempDirectory("ksql-main-test");
    Path config = dir.resolve("ksql-server.properties");
    Files.writeString(config, "listeners=http://127.0.0.1:0\nbootstrap.servers=" + kafka.bootstrapServers()
        + "\nksql.service.id=main_test_\nksql.streams.state.dir=" + dir.resolve("state")
        + "\nksql.some.future.setting=1\n");
    Process p = java(config.toString());
    try {
      StringBuffer log = new StringBuffer();
      CompletableFuture<String> ready = new CompletableFuture<>();
      Thread reader = new Thread(() -> {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
          for (String line = out.readLine(); line != null; line = out.readLine()) {
            log.append(line).append('\n');
            Matcher m = READY.matcher(line);
            if (m.find()) {
              ready.complete(m.group(1));
            }
          }
        } catch (IOException e) {
          ready.completeExceptionally(e);
        }
        ready.completeExceptionally(new IllegalStateException("the server exited without a ready line:\n" + log));
      });
      reader.setDaemon(true);
      reader.start();
      String url = ready.get(60, TimeUnit.SECONDS);

      KsqlRestClient.Answer info = new KsqlRestClient(url).get("/info");
      assertThat(info.status()).isEqualTo(200);
      assertThat(info.body().get("KsqlServerInfo").get("ksqlServiceId").asText()).isEqualTo("main_test_");
      assertThat(log.toString().split("\n")).filteredOn(l -> l.contains("ready at")).hasSize(1);
      assertThat(log.toString().split("\n")).as("unknown keys are accepted with one warning")
          .filteredOn(l -> l.contains("ksql.some.future.setting")).singleElement().asString()
          .contains("WARN", "does not know");
    } finally {
      p.destroy();
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("stops on SIGTERM").isTrue();
    }
  }

  @Test
  void aConfigurationWithoutBootstrapServersStopsWithAMessageNamingTheKey() throws Exception {
    Path config = Files.createTempDirectory("ksql-main-test").resolve("bad.properties");
    Files.writeString(config, "listeners=http://127.0.0.1:0\n");
    Process p = java(config.toString());
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isEqualTo(1);
    assertThat(output).contains("bootstrap.servers is not set");
  }

  @Test
  void aBadValueStopsTheServerWithAMessageNamingTheKeyAndTheFix() throws Exception {
    Path config = Files.createTempDirectory("ksql-main-test").resolve("bad.properties");
    Files.writeString(config, "listeners=http://127.0.0.1:80a8\nbootstrap.servers=" + kafka.bootstrapServers() + "\n");
    Process p = java(config.toString());
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isEqualTo(1);
    assertThat(output).contains("listeners has the port '80a8'", "e.g. listeners=http://0.0.0.0:8088");
  }

  private static Process java(String configFile) throws Exception {
    String classpath = "target/classes" + java.io.File.pathSeparator
        + Files.readString(Path.of("target/classpath.txt")).trim();
    return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", classpath,
        KsqlServerMain.class.getName(), configFile).redirectErrorStream(true).start();
  }
}
