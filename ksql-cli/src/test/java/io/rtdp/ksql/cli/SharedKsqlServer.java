package io.rtdp.ksql.cli;

import io.rtdp.ksql.server.KsqlServer;
import io.rtdp.ksql.server.config.ServerConfig;
import io.rtdp.testkit.KafkaBrokerExtension;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One real broker and KSQL server for all the CLI's test classes (configured as ksql-server's own
 * tests do), started by the first class and stopped when the test run ends: starting them is most
 * of a class's time, and the classes use different source names.
 */
final class SharedKsqlServer implements BeforeAllCallback {
  private static Servers servers;

  private record Servers(KafkaBrokerExtension kafka, KsqlServer ksql) implements AutoCloseable {
    @Override
    public void close() {
      ksql.close();
      kafka.stop();
    }
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
        .getOrComputeIfAbsent(SharedKsqlServer.class, key -> start(), Servers.class);
  }

  private static synchronized Servers start() {
    KafkaBrokerExtension kafka = new KafkaBrokerExtension().start();
    try {
      KsqlServer server = new KsqlServer(new ServerConfig(Map.of(
          "listeners", "http://127.0.0.1:0",
          "bootstrap.servers", kafka.bootstrapServers(),
          "ksql.service.id", "cli_test_",
          "ksql.streams.state.dir", Files.createTempDirectory("ksql-cli-test").toString(),
          "ksql.streams.commit.interval.ms", "100",
          "ksql.streams.cache.max.bytes.buffering", "0"))).start();
      if (!server.awaitReady(120_000)) {
        server.close();
        throw new IllegalStateException("the KSQL server did not become ready in 120 s");
      }
      servers = new Servers(kafka, server);
      return servers;
    } catch (Exception e) {
      kafka.stop();
      throw new IllegalStateException("could not start the KSQL server for the CLI tests", e);
    }
  }

  static String url() {
    return servers.ksql().url();
  }

  static KafkaBrokerExtension kafka() {
    return servers.kafka();
  }
}
