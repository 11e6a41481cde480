package io.rtdp.ksql.cli;

import io.rtdp.ksql.server.KsqlServerExtension;
import io.rtdp.testkit.KafkaBrokerExtension;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One real broker and KSQL server for all the CLI's test classes, started by the first class and
 * stopped when the test run ends: starting them is most of a class's time, and the classes use
 * different source names.
 */
final class SharedKsqlServer implements BeforeAllCallback {
  private static Servers servers;

  private record Servers(KafkaBrokerExtension kafka, KsqlServerExtension ksql) implements AutoCloseable {
    @Override
    public void close() {
      ksql.stop();
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
      servers = new Servers(kafka, new KsqlServerExtension(kafka, "cli_test_").start());
      return servers;
    } catch (RuntimeException e) {
      kafka.stop();
      throw e;
    }
  }

  static String url() {
    return servers.ksql().url();
  }

  static KafkaBrokerExtension kafka() {
    return servers.kafka();
  }
}
